package dev.tensile.saving;

import dev.tensile.internal.AtomicFile;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects datasets by path ({@code layers/dense/vars/0}) and writes them as one HDF5 file with
 * jHDF. Groups are made only on the way to a dataset: jHDF writes a corrupt file when a group is
 * left empty beside a dataset, and Keras needs no group for a layer without variables.
 */
final class H5Writer {
  private final Map<String, Object> datasets = new LinkedHashMap<>();

  /**
   * Adds a float32 array.
   *
   * @param path the dataset's path, its components safe names
   * @param data the elements, row-major
   * @param shape the shape; empty for a scalar
   */
  void putFloats(String path, float[] data, int[] shape) {
    datasets.put(checked(path), shape.length == 0 ? (Object) data[0] : nest(data, shape));
  }

  /**
   * Adds an int32 scalar, as Keras keeps an optimizer's step count.
   *
   * @param path the dataset's path
   * @param value the value
   */
  void putInt(String path, int value) {
    datasets.put(checked(path), value);
  }

  /**
   * Adds an int64 scalar.
   *
   * @param path the dataset's path
   * @param value the value
   */
  void putLong(String path, long value) {
    datasets.put(checked(path), value);
  }

  private static String checked(String path) {
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException(
            "cannot write HDF5 dataset '" + path + "': every path component must be a "
                + "non-empty name other than '.' and '..'");
      }
    }
    return path;
  }

  /**
   * Writes the file and returns its bytes.
   *
   * @param target the file the bytes are for: jHDF writes only to a path, so they are first
   *     written to a temporary file beside it, named as {@link AtomicFile}'s temporary files are so
   *     that a later write of {@code target} deletes it if a kill left it behind
   * @return the HDF5 file's bytes
   * @throws IOException if the temporary file cannot be written or read
   */
  byte[] toBytes(Path target) throws IOException {
    // Never committed: closing the write deletes the temporary file and leaves the target alone.
    try (AtomicFile scratch = AtomicFile.begin(target)) {
      try (WritableHdfFile h5 = HdfFile.write(scratch.tempFile())) {
        Map<String, WritableGroup> groups = new HashMap<>();
        for (Map.Entry<String, Object> e : datasets.entrySet()) {
          String path = e.getKey();
          int slash = path.lastIndexOf('/');
          WritableGroup parent = slash < 0 ? h5 : group(h5, groups, path.substring(0, slash));
          parent.putDataset(path.substring(slash + 1), e.getValue());
        }
      }
      return Files.readAllBytes(scratch.tempFile());
    }
  }

  private static WritableGroup group(
      WritableHdfFile h5, Map<String, WritableGroup> groups, String path) {
    WritableGroup g = groups.get(path);
    if (g == null) {
      int slash = path.lastIndexOf('/');
      WritableGroup parent = slash < 0 ? h5 : group(h5, groups, path.substring(0, slash));
      g = parent.putGroup(path.substring(slash + 1));
      groups.put(path, g);
    }
    return g;
  }

  /** Turns a row-major array into the nested Java arrays jHDF writes, {@code float[][]...}. */
  private static Object nest(float[] data, int[] shape) {
    if (shape.length == 1) {
      return data.clone();
    }
    int[] dims = shape.clone();
    Object out = Array.newInstance(float.class, dims);
    int inner = shape[shape.length - 1];
    int rows = inner == 0 ? 0 : data.length / inner;
    int[] index = new int[shape.length - 1];
    for (int r = 0; r < rows; r++) {
      Object row = out;
      for (int d = 0; d < index.length; d++) {
        row = Array.get(row, index[d]);
      }
      System.arraycopy(data, r * inner, row, 0, inner);
      for (int d = index.length - 1; d >= 0; d--) {
        if (++index[d] < shape[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    return out;
  }
}
