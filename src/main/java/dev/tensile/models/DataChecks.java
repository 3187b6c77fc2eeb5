package dev.tensile.models;

import dev.tensile.data.Batch;
import dev.tensile.data.DataSource;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import java.util.Arrays;

/**
 * Checks data before a loop touches the model, so bad input fails with a message that says what
 * arrived and what was expected, and the model is left as it was.
 */
final class DataChecks {
  private DataChecks() {}

  /** Checks inputs and targets for fit, evaluate or validation. */
  static void check(Sequential model, Tensor x, Tensor y, String where) {
    checkInputs(model, x, where);
    if (y == null) {
      throw new IllegalArgumentException(where + ": targets y are missing");
    }
    if (y.rank() == 0 || y.samples() != x.samples()) {
      throw new IllegalArgumentException(
          where + ": x and y must have the same number of samples, but x has " + x.samples()
              + " (shape " + x.shapeString() + ") and y has " + y.samples() + " (shape "
              + y.shapeString() + ")");
    }
    checkFinite(y, where + ": y");
    model.loss().validateTargets(y, model.outputShape());
  }

  /** Checks that inputs match the model's input shape and hold only finite numbers. */
  static void checkInputs(Sequential model, Tensor x, String where) {
    if (x == null) {
      throw new IllegalArgumentException(where + ": inputs x are missing");
    }
    if (x.rank() == 0 || x.samples() == 0) {
      throw new IllegalArgumentException(
          where + ": x is empty (shape " + x.shapeString() + "); expected at least one sample");
    }
    int[] expected = model.inputShape();
    int[] got = Arrays.copyOfRange(x.shape(), 1, x.rank());
    if (!Arrays.equals(expected, got)) {
      String layer = model.layers().get(0).name();
      throw new IllegalArgumentException(
          where + ": input of layer '" + layer + "' is incompatible: expected shape "
              + Shapes.formatBatch(expected) + ", got " + Shapes.formatBatch(got) + " (data of shape "
              + x.shapeString() + ")" + mismatch(expected, got)
              + (Shapes.size(expected) == Shapes.size(got)
                  ? "; reshape the data, e.g. x.reshape(-1, "
                      + String.join(", ", Arrays.stream(expected).mapToObj(String::valueOf)
                          .toArray(String[]::new))
                      + ")"
                  : ""));
    }
    checkFinite(x, where + ": x");
  }

  /**
   * Checks a source's per-sample shapes against the model before the first batch: its values
   * can only be checked as each batch arrives ({@link #checkBatch}).
   */
  static void checkShapes(Sequential model, DataSource source, String where) {
    checkSourceInputs(model, source, where);
    if (source.targetShape() == null) {
      throw new IllegalArgumentException(
          where + ": the data source has no targets; " + where + " needs inputs and targets");
    }
  }

  /** Checks that a source's per-sample input shape is the model's. */
  static void checkSourceInputs(Sequential model, DataSource source, String where) {
    if (source == null) {
      throw new IllegalArgumentException(where + ": the data source is missing");
    }
    int[] expected = model.inputShape();
    int[] got = source.inputShape();
    if (!Arrays.equals(expected, got)) {
      throw new IllegalArgumentException(
          where + ": the data source's samples have shape " + Shapes.format(got)
              + ", but the input of layer '" + model.layers().get(0).name() + "' expects "
              + Shapes.format(expected) + mismatch(expected, got));
    }
  }

  /** Checks one batch from a source: finite inputs and targets the loss accepts. */
  static void checkBatch(Sequential model, DataSource source, Batch batch, String where) {
    checkBatchInputs(model, source, batch, where);
    int[] shape = source.targetShape();
    int ys = (int) Shapes.size(shape);
    int n = batch.size() * ys;
    checkFinite(batch.targets(), n, ys, where + ": targets of the batch");
    int[] full = new int[shape.length + 1];
    full[0] = batch.size();
    System.arraycopy(shape, 0, full, 1, shape.length);
    float[] t = batch.targets();
    model.loss().validateTargets(
        Tensor.wrap(t.length == n ? t : Arrays.copyOf(t, n), full), model.outputShape());
  }

  /** Checks that one batch's inputs are finite. */
  static void checkBatchInputs(Sequential model, DataSource source, Batch batch, String where) {
    int xs = (int) Shapes.size(model.inputShape());
    checkFinite(batch.inputs(), batch.size() * xs, xs, where + ": inputs of the batch");
  }

  private static String mismatch(int[] expected, int[] got) {
    if (expected.length != got.length) {
      return " (rank " + (got.length + 1) + ", expected rank " + (expected.length + 1) + ")";
    }
    for (int a = 0; a < expected.length; a++) {
      if (expected[a] != got[a]) {
        return " (axis " + (a + 1) + " has size " + got[a] + ", expected " + expected[a] + ")";
      }
    }
    return "";
  }

  private static void checkFinite(Tensor t, String what) {
    checkFinite(t.data(), t.data().length, t.sampleSize(), what);
  }

  private static void checkFinite(float[] d, int length, int sampleSize, String what) {
    for (int i = 0; i < length; i++) {
      if (!Float.isFinite(d[i])) {
        int width = Math.max(1, sampleSize);
        throw new IllegalArgumentException(
            what + " holds " + d[i] + " at sample " + (i / width) + " (flat index " + i
                + "); all values must be finite numbers");
      }
    }
  }
}
