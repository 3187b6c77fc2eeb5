package dev.tensile.engine;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * Chooses the matrix engine once per JVM.
 *
 * <p>The system property {@code tensile.engine} decides: {@code vector} forces the Java Vector API
 * engine (an error if the JVM lacks {@code jdk.incubator.vector}), {@code ejml} forces EJML, and
 * {@code auto} (the default) takes the Vector API engine when the module is present and EJML
 * otherwise. The choice is logged once, at the first use (at INFO level when the module is missing,
 * with the flag that adds it; at DEBUG level otherwise), and {@link #current()} tells it.
 */
public final class Engines {
  /** The system property that forces an engine: {@code auto}, {@code vector} or {@code ejml}. */
  public static final String PROPERTY = "tensile.engine";

  static final String VECTOR_CLASS = "dev.tensile.engine.vector.VectorEngine";
  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  private static volatile MatrixEngine current;

  private Engines() {}

  /**
   * Returns the engine every layer uses, choosing it on the first call.
   *
   * @return the engine in force
   */
  public static MatrixEngine current() {
    MatrixEngine e = current;
    if (e == null) {
      synchronized (Engines.class) {
        e = current;
        if (e == null) {
          String setting = System.getProperty(PROPERTY, "auto");
          e = choose(setting);
          // Falling back for want of the module is worth a word; a chosen engine is not.
          boolean missedVector = setting.equalsIgnoreCase("auto") && !vectorAvailable();
          System.getLogger(Engines.class.getName())
              .log(
                  missedVector ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
                  "Tensile matrix engine: " + e.name()
                      + (missedVector
                          ? " (start the JVM with --add-modules=jdk.incubator.vector for the"
                              + " much faster Vector API engine)"
                          : ""));
          current = e;
        }
      }
    }
    return e;
  }

  /**
   * Replaces the engine for the rest of this JVM's life, as benchmarks and contract tests do.
   *
   * @param engine the engine to use from now on
   */
  public static void use(MatrixEngine engine) {
    if (engine == null) {
      throw new IllegalArgumentException("engine must not be null");
    }
    current = engine;
  }

  /**
   * Tells whether this JVM can run the Vector API engine.
   *
   * @return true if the {@code jdk.incubator.vector} module is loaded
   */
  public static boolean vectorAvailable() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  /**
   * Makes a new Vector API engine.
   *
   * @return the engine
   * @throws IllegalStateException if the JVM lacks {@code jdk.incubator.vector}
   * @throws IllegalArgumentException if the system property {@code tensile.threads} is set but is
   *     not a positive integer
   */
  public static MatrixEngine vector() {
    if (!vectorAvailable()) {
      throw new IllegalStateException(
          "the Vector API engine needs the JVM flag --add-modules=jdk.incubator.vector");
    }
    try {
      return (MatrixEngine) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException ex) {
      // The constructor's own complaint (say, a bad tensile.threads) is the one to show.
      if (ex.getCause() instanceof RuntimeException) {
        throw (RuntimeException) ex.getCause();
      }
      throw new IllegalStateException("cannot make the Vector API engine: " + ex.getCause(), ex);
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException ex) {
      throw new IllegalStateException("cannot load the Vector API engine: " + ex, ex);
    }
  }

  static MatrixEngine choose(String setting) {
    switch (setting.toLowerCase(Locale.ROOT)) {
      case "ejml":
        return new EjmlEngine();
      case "vector":
        return vector();
      case "auto":
        return vectorAvailable() && vectorClassPresent() ? vector() : new EjmlEngine();
      default:
        throw new IllegalArgumentException(
            "unknown " + PROPERTY + " '" + setting + "': expected auto, vector or ejml");
    }
  }

  private static boolean vectorClassPresent() {
    try {
      Class.forName(VECTOR_CLASS, false, Engines.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException ex) {
      return false;
    }
  }
}
