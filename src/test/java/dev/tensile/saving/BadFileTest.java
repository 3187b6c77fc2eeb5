package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.models.Sequential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad file fails to load with a ModelFormatException naming the file and problem. */
class BadFileTest {
  private static final String KERNEL = "layers/dense/vars/0.npy";

  @TempDir Path dir;
  private Path good;
  private Path bad;

  @BeforeEach
  void saveAGoodFile() throws IOException {
    good = dir.resolve("good.tensile");
    bad = dir.resolve("bad.tensile");
    Fixtures.trainedModel().save(good);
  }

  private ModelFormatException assertLoadFails(Path file, String expectedProblem) {
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> Sequential.load(file));
    assertEquals(file.toString(), e.file());
    assertTrue(e.getMessage().startsWith("cannot load " + file + ": "), e.getMessage());
    assertTrue(
        e.problem().contains(expectedProblem),
        "expected '" + expectedProblem + "' in: " + e.problem());
    return e;
  }

  /** Loads a copy of the good file with one JSON entry's text changed; expects a problem. */
  private void assertTextEditFails(String entry, UnaryOperator<String> change, String problem)
      throws IOException {
    assertLoadFails(Fixtures.rewriteText(good, entry, change, bad), problem);
  }

  /** Loads a copy of the good file with one entry's bytes changed (null: removed). */
  private void assertEditFails(String entry, UnaryOperator<byte[]> change, String problem)
      throws IOException {
    assertLoadFails(Fixtures.rewrite(good, entry, change, bad), problem);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 2000, 4000})
  void aTruncatedFileIsReported(int keep) throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    Files.write(bad, Arrays.copyOf(bytes, Math.min(keep, bytes.length - 1)));
    assertLoadFails(bad, "not a Tensile model file: it is not a readable zip archive");
  }

  @Test
  void aFileOfAnotherKindIsReported() throws IOException {
    Files.writeString(bad, "epoch,loss\n1,0.5\n");
    assertLoadFails(bad, "the file may be truncated or of another kind");
  }

  @Test
  void aMissingFileIsAnIoErrorNotAFormatError() {
    Path missing = dir.resolve("missing.tensile");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Sequential.load(missing));
    assertEquals(missing.toString(), e.getFile());
  }

  @Test
  void aFlippedByteInsideAnEntryIsCaughtByTheChecksum() throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    byte[] kernel = Fixtures.entries(good).get(KERNEL);
    int at = Fixtures.indexOf(bytes, kernel) + kernel.length - 3;
    bytes[at] ^= 0x40;
    Files.write(bad, bytes);
    assertLoadFails(bad, "entry '" + KERNEL + "' is corrupt");
  }

  @Test
  void aZipWithoutMetadataIsNotATensileFile() throws IOException {
    assertEditFails(
        "metadata.json",
        b -> null,
        "not a Tensile model file: the zip archive has no metadata.json entry");
  }

  @Test
  void invalidJsonIsReported() throws IOException {
    assertTextEditFails(
        "config.json",
        s -> s.replaceFirst("\"units\": 8,", "\"units\": 8,,"),
        "config.json is not valid JSON (at line 13 column 23 path $.config");
    assertTextEditFails(
        "config.json", s -> s.replaceFirst("\\{", "[{"), "config.json is not valid JSON");
    assertTextEditFails(
        "config.json",
        s -> s.replaceFirst("\"units\"", "'units'"),
        "config.json is not valid JSON (at line 13 column");
    assertTextEditFails("config.json", s -> s + "{}", "config.json is not valid JSON");
    assertTextEditFails(
        "metadata.json", s -> "[1, 2]", "metadata.json must hold a JSON object, found [1,2]");
  }

  @Test
  void aNewerFormatVersionIsRefusedByName() throws IOException {
    assertTextEditFails(
        "metadata.json",
        s -> s.replace("\"format_version\": 1", "\"format_version\": 2"),
        "written by a newer version of Tensile (format 2, this version reads up to 1)");
  }

  @Test
  void badMetadataValuesAreReported() throws IOException {
    assertTextEditFails(
        "metadata.json",
        s -> s.replace("\"format_version\": 1", "\"format_version\": 0"),
        "metadata.json: format_version must be at least 1, got 0");
    assertTextEditFails(
        "metadata.json",
        s -> s.replace("\"format_version\": 1", "\"format_version\": \"1\""),
        "metadata.json: format_version must be an integer, got \"1\"");
    assertTextEditFails(
        "metadata.json",
        s -> s.replace("\"tensile\"", "\"keras\""),
        "metadata.json: format is 'keras', expected 'tensile'");
  }

  @Test
  void aWeightsFileIsNotAModel() throws IOException {
    Fixtures.trainedModel().saveWeights(bad);
    assertLoadFails(bad, "it holds weights only (saved by saveWeights)");
  }

  @Test
  void aBadNpyHeaderIsReported() throws IOException {
    assertEditFails(
        KERNEL,
        b -> replace(b, "'fortran_order'", "'fortran_ordeR'"),
        "entry '" + KERNEL + "': bad .npy header");
    assertEditFails(
        KERNEL, b -> replace(b, "NUMPY", "NUMPI"), "entry '" + KERNEL + "': not a .npy array");
  }

  @Test
  void aWrongDtypeIsReported() throws IOException {
    assertEditFails(
        KERNEL,
        b -> replace(b, "<f4", "<i4"),
        "entry '" + KERNEL + "': dtype '<i4' is not supported");
    Fixtures.rewrite(
        good, "optimizer/vars/0.npy", b -> Npy.encode(new float[] {6}, new int[0]), bad);
    assertLoadFails(
        bad, "entry 'optimizer/vars/0.npy' has dtype '<f4', expected '<i8' for the optimizer's");
  }

  @Test
  void aWrongElementCountIsReported() throws IOException {
    assertEditFails(
        KERNEL,
        b -> Arrays.copyOf(b, b.length - 4),
        "needs 128 data bytes, the entry has 124 (truncated)");
    assertEditFails(
        KERNEL,
        b -> replace(b, "(4, 8)", "(4, 9)"),
        "shape (4, 9) of <f4 needs 144 data bytes, the entry has 128");
  }

  @Test
  void weightsThatDisagreeWithTheConfigAreReported() throws IOException {
    assertEditFails(
        KERNEL,
        b -> Npy.encode(new float[40], new int[] {5, 8}),
        "entry '" + KERNEL + "' has shape (5, 8), expected (4, 8) for weight 'dense/kernel'");
    assertEditFails(
        "layers/dense/vars/1.npy",
        b -> null,
        "layer 'dense' has 1 weight in the file, layer 'dense' of model");
    assertEditFails(
        "optimizer/vars/9.npy", b -> null, "it has 7 optimizer state arrays, but Adam(");
    assertEditFails(
        "layers/dropout/seed_generator/vars/0.npy",
        b -> null,
        "entry 'layers/dropout/seed_generator/vars/0.npy' is missing");
  }

  @Test
  void anUnknownLayerTypeIsReported() throws IOException {
    assertTextEditFails(
        "config.json",
        s -> s.replaceFirst("\"Dropout\"", "\"SpatialDropout1D\""),
        "config.json: config.layers[1]: unknown layer class_name 'SpatialDropout1D'; "
            + "this version of Tensile loads Dense, Flatten, Activation, Dropout");
  }

  @Test
  void badConfigValuesNameTheKey() throws IOException {
    assertTextEditFails(
        "config.json",
        s -> s.replaceFirst("\"units\": 8", "\"units\": -8"),
        "config.json: config.layers[0]: Dense units must be a positive integer");
    assertTextEditFails(
        "config.json",
        s -> s.replaceFirst("\"units\": 8", "\"units\": 8.5"),
        "config.json: config.layers[0].config.units must be an integer, got 8.5");
    assertTextEditFails(
        "config.json",
        s -> s.replaceFirst("\"activation\": \"relu\"", "\"activation\": \"gelu\""),
        "unknown activation 'gelu'");
    assertTextEditFails(
        "config.json",
        s -> s.replaceFirst("\"use_bias\": true,", ""),
        "config.json: config.layers[0].config.use_bias is missing");
    assertTextEditFails(
        "config.json",
        s -> s.replaceFirst("\"fan_avg\"", "\"fan_max\""),
        "mode must be one of [fan_in, fan_out, fan_avg], got 'fan_max'");
    assertTextEditFails(
        "config.json",
        s -> s.replace("\"beta_1\": 0.9", "\"beta_1\": 1.5"),
        "compile_config.optimizer.config: beta_1 must be in [0.0, 1.0)");
    assertTextEditFails(
        "config.json",
        s -> s.replace("\"Adam\"", "\"Lion\""),
        "unknown optimizer class_name 'Lion'");
    assertTextEditFails(
        "config.json", s -> s.replace("\"accuracy\"", "\"auc\""), "unknown metric 'auc'");
  }

  private static byte[] replace(byte[] bytes, String from, String to) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(text.contains(from), from);
    return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }
}
