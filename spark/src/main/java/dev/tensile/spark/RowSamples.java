package dev.tensile.spark;

import dev.tensile.data.Sample;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/** Turns a data frame's feature and target columns into samples, checking their types first. */
final class RowSamples {
  private RowSamples() {}

  static JavaRDD<Sample> of(Dataset<Row> rows, String features, String targets) {
    StructType schema = rows.schema();
    check(schema, features, true);
    check(schema, targets, false);
    return rows.select(features, targets).javaRDD()
        .map(r -> new Sample(floats(r, 0, features), floats(r, 1, targets)));
  }

  private static void check(StructType schema, String column, boolean arrayOnly) {
    if (!List.of(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(
          "no column '" + column + "'; the data frame has " + List.of(schema.fieldNames()));
    }
    DataType t = schema.apply(column).dataType();
    boolean array = t instanceof ArrayType && ((ArrayType) t).elementType() instanceof NumericType;
    if (!array && (arrayOnly || !(t instanceof NumericType))) {
      throw new IllegalArgumentException(
          "column '" + column + "' has type " + t.simpleString() + "; expected "
              + (arrayOnly ? "an array of numbers" : "a number or an array of numbers"));
    }
  }

  private static float[] floats(Row row, int i, String column) {
    if (row.isNullAt(i)) {
      throw new IllegalArgumentException("column '" + column + "' holds a null in row " + row);
    }
    Object v = row.get(i);
    if (v instanceof Number) {
      return new float[] {((Number) v).floatValue()};
    }
    List<Object> list = row.getList(i);
    float[] out = new float[list.size()];
    for (int k = 0; k < out.length; k++) {
      Object e = list.get(k);
      if (e == null) {
        throw new IllegalArgumentException(
            "column '" + column + "' holds a null element at index " + k);
      }
      out[k] = ((Number) e).floatValue();
    }
    return out;
  }
}
