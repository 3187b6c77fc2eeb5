package dev.tensile.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs real Keras (on JAX) for the cross-checks that need Python.
 *
 * <p>The interpreter is the one named by the environment variable {@code TENSILE_PYTHON} (or the
 * system property {@code tensile.python}); {@code .ci/run} makes a virtual environment with Keras,
 * JAX and h5py and sets it. Where it is absent, {@link #require()} aborts the calling test, so
 * JUnit reports it as skipped, with the reason; under CI ({@code CI=true}) its absence fails.
 * Scripts live in {@code src/test/python}.
 */
public final class KerasPython {
  private static final Path SCRIPTS = Path.of("src", "test", "python");
  private static String interpreter;
  private static String unavailable;

  private KerasPython() {}

  /**
   * Returns the interpreter, or skips the calling test (fails it under CI) if Keras is missing.
   *
   * @return the path of a Python that imports keras, jax and h5py
   */
  public static synchronized String require() {
    if (interpreter == null && unavailable == null) {
      probe();
    }
    if (unavailable != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI must provide Keras for the cross-checks: " + unavailable);
      }
      Assumptions.abort("real Keras is not available: " + unavailable);
    }
    return interpreter;
  }

  private static void probe() {
    String named = System.getProperty("tensile.python", System.getenv("TENSILE_PYTHON"));
    if (named == null || named.isBlank()) {
      unavailable = "set TENSILE_PYTHON to a Python with keras, jax and h5py (see .ci/run)";
      return;
    }
    try {
      run(named, List.of("-c", "import keras, jax, h5py"), 120);
      interpreter = named;
    } catch (IOException | AssertionError e) {
      unavailable = named + " cannot import keras, jax and h5py: " + e.getMessage();
    }
  }

  /**
   * Runs a script of {@code src/test/python} with real Keras on JAX and returns its standard
   * output; fails the test if it exits with an error or runs longer than the timeout.
   *
   * @param script the file name, e.g. {@code keras_roundtrip.py}
   * @param timeoutSeconds how long it may run
   * @param args its arguments
   * @return what it printed to standard output
   * @throws IOException if the process cannot be started
   */
  public static String runScript(String script, int timeoutSeconds, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(SCRIPTS.resolve(script).toString());
    command.addAll(List.of(args));
    return run(require(), command, timeoutSeconds);
  }

  private static String run(String python, List<String> args, int timeoutSeconds)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(python);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KERAS_BACKEND", "jax");
    builder.environment().put("JAX_PLATFORMS", "cpu");
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
    Path err = Files.createTempFile("tensile-python", ".err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    try {
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " ran longer than " + timeoutSeconds + " s");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            command + " exited with " + process.exitValue() + ":\n" + Files.readString(err));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
