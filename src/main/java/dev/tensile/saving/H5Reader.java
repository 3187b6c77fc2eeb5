package dev.tensile.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an HDF5 file with jHDF, checking every claim against the file before anything is
 * allocated: a dataset's shape must have no more elements than the file has bytes for, and its
 * type must be the one expected. Every failure, jHDF's included, becomes a {@link
 * ModelFormatException} naming the file and the dataset.
 */
final class H5Reader implements AutoCloseable {
  private final Path file;
  private final String prefix;
  private final HdfFile h5;
  private final long size;

  private H5Reader(Path file, String prefix, HdfFile h5, long size) {
    this.file = file;
    this.prefix = prefix;
    this.h5 = h5;
    this.size = size;
  }

  /**
   * Opens HDF5 bytes, e.g. a {@code .keras} file's {@code model.weights.h5} entry.
   *
   * @param file the file, for messages
   * @param prefix how messages name the HDF5 part, e.g. {@code model.weights.h5: }
   * @param bytes the HDF5 file
   * @return the reader
   * @throws ModelFormatException if the bytes are not a readable HDF5 file
   */
  static H5Reader of(Path file, String prefix, byte[] bytes) throws ModelFormatException {
    try {
      return new H5Reader(file, prefix, HdfFile.fromBytes(bytes), bytes.length);
    } catch (RuntimeException e) {
      throw new ModelFormatException(
          file, prefix + "not a readable HDF5 file (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Opens an HDF5 file on disk.
   *
   * @param file the file
   * @return the reader
   * @throws ModelFormatException if it is not a readable HDF5 file
   */
  static H5Reader open(Path file) throws ModelFormatException {
    try {
      return new H5Reader(file, "", new HdfFile(file), file.toFile().length());
    } catch (RuntimeException e) {
      throw new ModelFormatException(
          file, "not a readable HDF5 file (" + e.getMessage() + "); it may be truncated", e);
    }
  }

  /** Makes an exception about a path in the file. */
  ModelFormatException problem(String path, String what) {
    return new ModelFormatException(file, prefix + "'" + path + "' " + what);
  }

  /** Returns the node at a path, or null if there is none; a corrupt file is reported. */
  private Node node(String path) throws ModelFormatException {
    try {
      Node node = h5;
      for (String part : path.split("/")) {
        if (part.isEmpty()) {
          continue;
        }
        if (!(node instanceof Group)) {
          return null;
        }
        node = ((Group) node).getChildren().get(part);
        if (node == null) {
          return null;
        }
      }
      return node;
    } catch (RuntimeException e) {
      throw new ModelFormatException(
          file, prefix + "cannot read '" + path + "': the HDF5 data is corrupt or truncated ("
              + e.getMessage() + ")", e);
    }
  }

  /** Tells whether a group or dataset exists at a path. */
  boolean has(String path) throws ModelFormatException {
    return node(path) != null;
  }

  /** Returns the names of a group's members, or an empty list if there is no such group. */
  List<String> children(String path) throws ModelFormatException {
    Node n = node(path);
    if (!(n instanceof Group)) {
      return List.of();
    }
    try {
      return new ArrayList<>(((Group) n).getChildren().keySet());
    } catch (RuntimeException e) {
      throw new ModelFormatException(
          file, prefix + "group '" + path + "' is corrupt (" + e.getMessage() + ")", e);
    }
  }

  private Dataset dataset(String path) throws ModelFormatException {
    Node n = node(path);
    if (n == null) {
      throw problem(path, "is missing");
    }
    if (!(n instanceof Dataset)) {
      throw problem(path, "is a group, expected a dataset");
    }
    return (Dataset) n;
  }

  /**
   * Returns a dataset's shape after checking it fits in the file.
   *
   * @param path the dataset
   * @return its shape, empty for a scalar
   * @throws ModelFormatException if it is missing or claims more elements than the file holds
   */
  int[] shape(String path) throws ModelFormatException {
    Dataset d = dataset(path);
    try {
      long[] dims = d.isScalar() ? new long[0] : d.getDimensionsAsLong();
      long elements = 1;
      for (long n : dims) {
        if (n < 0 || n > Integer.MAX_VALUE) {
          throw problem(path, "claims an axis of " + n + " elements");
        }
        elements = n == 0 ? 0 : (elements > size / n ? size + 1 : elements * n);
      }
      if (elements > size) {
        throw problem(path, "claims shape " + Arrays.toString(dims) + ", more elements than the "
            + size + " bytes of the file hold");
      }
      int[] shape = new int[dims.length];
      for (int i = 0; i < dims.length; i++) {
        shape[i] = (int) dims[i];
      }
      return shape;
    } catch (ModelFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw problem(path, "is corrupt (" + e.getMessage() + ")");
    }
  }

  /**
   * Reads a float32 array.
   *
   * @param path the dataset
   * @return its elements, row-major
   * @throws ModelFormatException if it is missing, not float32, too large or corrupt
   */
  float[] floats(String path) throws ModelFormatException {
    int[] shape = shape(path);
    Dataset d = dataset(path);
    try {
      if (d.getJavaType() != float.class && d.getJavaType() != Float.class) {
        throw problem(path, "holds " + d.getJavaType().getSimpleName() + " values, expected "
            + "float32");
      }
      if (d.getSizeInBytes() > size) {
        throw problem(path, "claims " + d.getSizeInBytes() + " bytes, more than the file holds");
      }
      if (shape.length == 0) {
        return new float[] {((Number) d.getData()).floatValue()};
      }
      Object flat = d.getDataFlat();
      return (float[]) flat;
    } catch (ModelFormatException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      // LinkageError: a compression codec that is not on the class path (LZ4, LZF).
      throw problem(path, "cannot be read (" + e + ")");
    }
  }

  /**
   * Reads an integer scalar (int32 or int64), such as an optimizer's step count.
   *
   * @param path the dataset
   * @return the value
   * @throws ModelFormatException if it is missing, not an integer scalar, or corrupt
   */
  long integerScalar(String path) throws ModelFormatException {
    int[] shape = shape(path);
    Dataset d = dataset(path);
    try {
      Object v = d.getData();
      if (shape.length != 0 || !(v instanceof Integer || v instanceof Long)) {
        throw problem(path, "must be an integer scalar, got shape " + Arrays.toString(shape)
            + " of " + d.getJavaType().getSimpleName());
      }
      return ((Number) v).longValue();
    } catch (ModelFormatException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      // LinkageError: a compression codec that is not on the class path (LZ4, LZF).
      throw problem(path, "cannot be read (" + e + ")");
    }
  }

  /**
   * Reads a string attribute, or a list of strings (Keras's {@code layer_names}); an empty list
   * if the attribute is an empty array.
   *
   * @param path the node
   * @param name the attribute
   * @return the strings, or null if the attribute is absent
   * @throws ModelFormatException if it is not text
   */
  List<String> strings(String path, String name) throws ModelFormatException {
    Node n = path.isEmpty() ? h5 : node(path);
    if (n == null) {
      throw problem(path, "is missing");
    }
    try {
      Attribute a = n.getAttribute(name);
      if (a == null) {
        return null;
      }
      Object v = a.getData();
      if (v == null) {
        return List.of();
      }
      if (v instanceof String) {
        return List.of((String) v);
      }
      if (v instanceof String[]) {
        return List.of((String[]) v);
      }
      if (v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 0) {
        return List.of();
      }
      throw problem(path, "attribute '" + name + "' must be text, got " + v.getClass().getSimpleName());
    } catch (ModelFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw problem(path, "attribute '" + name + "' cannot be read (" + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    try {
      h5.close();
    } catch (RuntimeException e) {
      // nothing was written; a failure to release the buffer changes nothing
    }
  }
}
