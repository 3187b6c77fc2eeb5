package dev.tensile.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The examples' shared options: what each flag sets, the defaults, and the refusals. */
class ExampleArgsTest {
  @Test
  void everyFlagSetsItsOption() {
    ExampleArgs options = ExampleArgs.parse(new String[] {
      "--seed", "7", "--subset", "--epochs", "3", "--out", "pictures", "--order", "order.txt"});
    assertEquals(7, options.seedOr(42));
    assertTrue(options.subset());
    assertEquals(3, options.epochsOr(20));
    assertEquals(Path.of("pictures"), options.out());
    assertEquals(Path.of("order.txt"), options.order());
  }

  @Test
  void withoutFlagsTheExampleChooses() {
    ExampleArgs options = ExampleArgs.parse(new String[0]);
    assertEquals(42, options.seedOr(42));
    assertEquals(20, options.epochsOr(20));
    assertEquals(null, options.order());
    assertEquals(0, ExampleArgs.parse(new String[] {"--seed", "0"}).seedOr(42), "seed 0 is a seed");
  }

  @Test
  void anUnknownFlagOrAMissingValueIsRefused() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ExampleArgs.parse(new String[] {"--sed", "7"}));
    assertEquals("unknown argument '--sed': expected --subset, --epochs N, --out DIR,"
        + " --order FILE or --seed N", unknown.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ExampleArgs.parse(new String[] {"--seed"}));
    assertEquals("--seed needs a value", missing.getMessage());
    IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
        () -> ExampleArgs.parse(new String[] {"--epochs", "seven"}));
    assertEquals("--epochs needs a whole number, got 'seven'", notANumber.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> ExampleArgs.parse(new String[] {"--epochs", "0"}));
    assertEquals("--epochs needs a positive number, got 0", none.getMessage());
  }
}
