package dev.tensile.benchmarks;

import dev.tensile.engine.EjmlEngine;
import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.vector.VectorEngine;

/**
 * An engine to benchmark, written {@code ejml}, {@code vector} (the engine's default thread count)
 * or {@code vector:N} (N threads).
 *
 * @param name {@code ejml} or {@code vector}
 * @param threads the thread count, or 0 for the engine's default; always 0 for {@code ejml}, which
 *     runs on the calling thread
 */
public record EngineChoice(String name, int threads) {
  /**
   * Checks the name and thread count.
   *
   * @throws IllegalArgumentException if the name is unknown or the count is wrong for it
   */
  public EngineChoice {
    if (!name.equals("ejml") && !name.equals("vector")) {
      throw new IllegalArgumentException("unknown engine '" + name + "': expected ejml or vector");
    }
    if (threads < 0 || (name.equals("ejml") && threads != 0)) {
      throw new IllegalArgumentException(
          "engine "
              + name
              + " cannot run on "
              + threads
              + " threads"
              + (name.equals("ejml") ? ": EJML runs on the calling thread" : ""));
    }
  }

  /**
   * Reads {@code ejml}, {@code vector} or {@code vector:N}.
   *
   * @param text the engine as written on a command line or in a JMH parameter
   * @return the choice
   * @throws IllegalArgumentException if the text has another form
   */
  public static EngineChoice parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new EngineChoice(text, 0);
    }
    try {
      return new EngineChoice(
          text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "an engine looks like ejml, vector or vector:2, got '" + text + "'", e);
    }
  }

  /**
   * Makes the engine.
   *
   * @return a new engine
   * @throws IllegalStateException if the JVM lacks the Vector API module the vector engine needs
   */
  public MatrixEngine create() {
    if (name.equals("ejml")) {
      return new EjmlEngine();
    }
    if (!Engines.vectorAvailable()) {
      throw new IllegalStateException(
          "the Vector API engine needs the JVM flag --add-modules=jdk.incubator.vector");
    }
    return threads == 0 ? new VectorEngine() : new VectorEngine(threads);
  }

  @Override
  public String toString() {
    return threads == 0 ? name : name + ":" + threads;
  }
}
