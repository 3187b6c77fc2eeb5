package dev.tensile.spark;

import dev.tensile.models.Sequential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replicas an executor JVM holds, one per training run and partition, so each round only
 * copies state into an existing model instead of rebuilding it. A replica is rebuilt from the
 * model bytes the driver broadcast ({@link Sequential#save} on the driver, {@link Sequential#load}
 * here), so any model the core can save can train on Spark.
 */
final class Replicas {
  private static final Map<String, Replica> LIVE = new ConcurrentHashMap<>();

  private Replicas() {}

  /** A replica and the epoch order it last computed, reused by the rounds of that epoch. */
  static final class Replica {
    final Sequential model;
    int epoch = -1;
    int[] order;

    Replica(Sequential model) {
      this.model = model;
    }
  }

  /** The replica of this run and partition, loaded from the model bytes on first use. */
  static Replica get(String run, int partition, byte[] modelBytes) {
    return LIVE.computeIfAbsent(run + "/" + partition, k -> new Replica(load(modelBytes)));
  }

  /** Forgets the replicas of a finished run in this JVM. */
  static void release(String run) {
    LIVE.keySet().removeIf(k -> k.startsWith(run + "/"));
  }

  /** Serialises a model as the core saves it: architecture, weights, compile settings. */
  static byte[] bytesOf(Sequential model) {
    try {
      Path dir = Files.createTempDirectory("tensile-spark");
      Path file = dir.resolve("model.keras");
      try {
        model.save(file);
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not serialise the model for the executors", e);
    }
  }

  private static Sequential load(byte[] bytes) {
    try {
      Path dir = Files.createTempDirectory("tensile-spark");
      Path file = dir.resolve("model.keras");
      try {
        Files.write(file, bytes);
        return Sequential.load(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not rebuild the model on this executor", e);
    }
  }
}
