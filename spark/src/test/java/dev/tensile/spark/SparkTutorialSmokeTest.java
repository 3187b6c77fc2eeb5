package dev.tensile.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.spark.examples.SparkTutorial;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Spark example runs end to end on the bundled subset and reports what README promises. */
class SparkTutorialSmokeTest {
  @Test
  void theTutorialTrainsOnTwoPartitionsAndComparesWithOneJvm() {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      SparkTutorial.main(new String[] {"--subset", "--epochs", "1", "--partitions", "2",
          "--period", "8", "--local"});
    } finally {
      System.setOut(old);
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("Spark local[2], 2 partitions"), text);
    assertTrue(text.matches("(?s).*spark: val accuracy 0\\.\\d{4}, test accuracy 0\\.\\d{4}.*"),
        text);
    assertTrue(text.contains("one JVM: val accuracy"), text);
  }
}
