package dev.tensile.docs;

import dev.tensile.datasets.DatasetUnavailableException;
import java.lang.reflect.InvocationTargetException;

/**
 * Runs a compiled doc block's {@code main} in a JVM of its own, and exits with {@value
 * #DATA_UNAVAILABLE} if the block needs a data set this machine does not have.
 */
final class Launcher {
  /** The exit code that says a data set was missing. */
  static final int DATA_UNAVAILABLE = 3;

  private Launcher() {}

  /**
   * Runs {@code args[0]}'s main.
   *
   * @param args the class name
   * @throws Throwable whatever the block throws, except a missing data set
   */
  public static void main(String[] args) throws Throwable {
    try {
      Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof DatasetUnavailableException) {
        System.err.println(e.getCause().getMessage());
        System.exit(DATA_UNAVAILABLE);
      }
      throw e.getCause();
    }
  }
}
