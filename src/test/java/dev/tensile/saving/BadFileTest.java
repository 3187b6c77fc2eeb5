package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.config.ConfigException;
import dev.tensile.models.Sequential;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad {@code .keras} files: each gives a {@link ModelFormatException} naming the file, the entry
 * and what was expected, and loading writes nothing.
 */
class BadFileTest {
  @TempDir Path dir;
  private Path good;
  private Path bad;
  private List<Path> before;

  @BeforeEach
  void saveAGoodFile() throws IOException {
    good = dir.resolve("good.keras");
    bad = dir.resolve("bad.keras");
    Fixtures.trainedModel().save(good);
  }

  @AfterEach
  void loadingLeftNothingBehind() throws IOException {
    if (before != null) {
      assertEquals(before, list(), "loading must write nothing");
    }
  }

  private List<Path> list() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private ModelFormatException assertLoadFails(Path file, String expectedProblem)
      throws IOException {
    before = list();
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> Sequential.load(file));
    assertEquals(file.toString(), e.file());
    assertTrue(e.getMessage().startsWith("cannot load " + file + ": "), e.getMessage());
    assertTrue(e.problem().contains(expectedProblem),
        "expected '" + expectedProblem + "' in: " + e.problem());
    return e;
  }

  private void assertConfigEditFails(UnaryOperator<String> change, String problem)
      throws IOException {
    assertLoadFails(Fixtures.rewriteText(good, "config.json", change, bad), problem);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 100, 2000, 9000})
  void aTruncatedFileIsReported(int keep) throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    Files.write(bad, Arrays.copyOf(bytes, Math.min(keep, bytes.length - 1)));
    assertLoadFails(bad, keep < 4 ? "not a model file" : "not a .keras file: it is not a "
        + "readable zip archive");
  }

  @Test
  void aFileOfAnotherKindIsReported() throws IOException {
    Files.writeString(bad, "epoch,loss\n1,0.5\n");
    assertLoadFails(bad, "not a model file: it starts with neither a zip (.keras) nor an HDF5");
  }

  @Test
  void aMissingFileIsAnIoErrorNotAFormatError() {
    Path missing = dir.resolve("missing.keras");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Sequential.load(missing));
    assertEquals(missing.toString(), e.getFile());
  }

  @Test
  void aFlippedByteInsideAnEntryIsCaughtByTheChecksum() throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    byte[] weights = Fixtures.entries(good).get("model.weights.h5");
    bytes[Fixtures.indexOf(bytes, weights) + weights.length / 2] ^= 0x40;
    Files.write(bad, bytes);
    assertLoadFails(bad, "entry 'model.weights.h5' is corrupt");
  }

  @Test
  void aMissingEntryIsNamed() throws IOException {
    assertLoadFails(Fixtures.rewrite(good, "metadata.json", b -> null, bad),
        "entry 'metadata.json' is missing; a .keras file holds metadata.json, config.json and "
            + "model.weights.h5");
  }

  @Test
  void invalidJsonIsReported() throws IOException {
    assertConfigEditFails(s -> s.replaceFirst("\"units\":8,", "\"units\":8,,"),
        "config.json is not valid JSON");
    assertConfigEditFails(s -> s + "{}", "config.json is not valid JSON");
    assertConfigEditFails(s -> "[1, 2]", "config.json must hold a JSON object");
    assertConfigEditFails(s -> "[".repeat(200) + "]".repeat(200), "config.json is not valid JSON");
  }

  @Test
  void corruptWeightsAreReported() throws IOException {
    assertLoadFails(
        Fixtures.rewrite(good, "model.weights.h5", b -> Arrays.copyOf(b, 200), bad),
        "model.weights.h5: ");
  }

  @Test
  void anUnknownLayerNamesTheEntryAndListsTheSupportedClasses() throws IOException {
    assertConfigEditFails(s -> s.replaceFirst("\"Dropout\"", "\"SpatialDropout1D\""),
        "config.json: config.layers[2] (SpatialDropout1D): unknown layer class "
            + "'SpatialDropout1D'; Tensile supports Dense, Flatten, Activation, Dropout");
  }

  @Test
  void functionalModelsAndCustomObjectsAreRefused() throws IOException {
    assertConfigEditFails(s -> s.replace("\"Sequential\"", "\"Functional\""),
        "a Functional model; Tensile loads Sequential models only");
    assertConfigEditFails(
        s -> s.replaceFirst("\"module\":\"keras.layers\",\"class_name\":\"Dense\"",
            "\"module\":\"my_package\",\"class_name\":\"Dense\""),
        "config.json: config.layers[1]: 'Dense' from module 'my_package' is a custom object");
    assertConfigEditFails(
        s -> s.replaceFirst("\"registered_name\":null,\"build_config\"",
            "\"registered_name\":\"Custom>Net\",\"build_config\""),
        "'Custom>Net' is a registered custom object");
  }

  @Test
  void hugeClaimedSizesAreRefusedBeforeAnythingIsAllocated() throws IOException {
    assertConfigEditFails(s -> s.replaceFirst("\"units\":8", "\"units\":50000000"),
        "config.layers[1] (Dense): config.units must be a whole number from 1 to 16777216, got "
            + "50000000");
    assertConfigEditFails(s -> s.replaceFirst("\"units\":8", "\"units\":16000000"),
        "config.json does not fit its weights: weight 'dense/kernel' of shape (4, 16000000) "
            + "needs 64000000 elements, more than the 67 left of this load's allowance");
    assertConfigEditFails(s -> s.replace("[null,4]", "[null,99999999999]"),
        "config.batch_shape must give each sample axis as a whole number from 1 to 16777216");
  }

  @Test
  void weightsThatDisagreeWithTheConfigAreReported() throws IOException {
    assertConfigEditFails(s -> s.replaceFirst("\"units\":3", "\"units\":2"),
        "weight 0 of layer 'dense_1' has shape (8, 3) in the file, but weight 'dense_1/kernel' "
            + "has shape (8, 2)");
    assertConfigEditFails(s -> s.replaceFirst("\"use_bias\":true", "\"use_bias\":false"),
        "layer 'dense' has 2 weight arrays in the file, but as configured it has 1");
    assertConfigEditFails(s -> s.replace("\"amsgrad\":false", "\"amsgrad\":true"),
        "optimizer/vars holds 8 state arrays after the step count and learning rate, but "
            + "Adam(");
  }

  @Test
  void badValuesNameTheKeyAndWhatWasExpected() throws IOException {
    assertConfigEditFails(s -> s.replaceFirst("\"units\":8", "\"units\":8.5"),
        "config.units must be a whole number from 1 to 16777216, got 8.5");
    assertConfigEditFails(s -> s.replaceFirst("\"activation\":\"relu\"", "\"activation\":\"gelu\""),
        "unknown activation 'gelu': expected one of linear, relu, sigmoid, tanh, softmax");
    assertConfigEditFails(s -> s.replace("\"beta_1\":0.9", "\"beta_1\":1.5"),
        "compile_config.optimizer (Adam): beta_1 must be in [0.0, 1.0), got 1.5");
    assertConfigEditFails(s -> s.replace("\"Adam\"", "\"Lion\""),
        "unknown optimizer class 'Lion'; Tensile supports SGD, RMSprop, Adagrad, Adam");
    assertConfigEditFails(s -> s.replace("\"accuracy\"", "\"auc\""), "unknown metric 'auc'");
  }

  @Test
  void optionsTensileLacksAreRefusedNotIgnored() throws IOException {
    assertConfigEditFails(s -> s.replace("\"use_ema\":false", "\"use_ema\":true"),
        "config.use_ema = true is not supported by Tensile; it supports false only");
    assertConfigEditFails(s -> s.replaceFirst("\"trainable\":true,\"dtype\":\\{\"module\"",
            "\"trainable\":false,\"dtype\":{\"module\""),
        "config.trainable = false is not supported by Tensile");
    assertConfigEditFails(s -> s.replaceFirst("\"kernel_regularizer\":null",
            "\"kernel_regularizer\":\"l2\""),
        "config.kernel_regularizer = 'l2' is not supported by Tensile");
    assertConfigEditFails(
        s -> s.replaceFirst("\"name\":\"float32\"\\},\"registered_name\":null\\},\"units\"",
            "\"name\":\"float16\"},\"registered_name\":null},\"units\""),
        "config.layers[1] (Dense): config.dtype is 'float16'; Tensile computes in float32 only");
    assertConfigEditFails(s -> s.replaceFirst("\"name\":\"float32\"", "\"name\":\"float16\""),
        "config.json (Sequential): config.dtype is 'float16'; Tensile computes in float32 only");
  }

  @Test
  void layerNamesThatCouldBecomePathsAreRefused() throws IOException {
    assertConfigEditFails(s -> s.replaceFirst("\"name\":\"dense\"", "\"name\":\"../../x\""),
        "config.layers[1] (Dense): a layer name cannot contain '/' or control characters or be "
            + "'.' or '..', got '../../x'");
    assertThrows(IllegalArgumentException.class, () -> new dev.tensile.layers.Dense(2).name(".."));
  }

  @Test
  void shapesWhoseSizeOverflowsAreRefused() throws IOException {
    assertConfigEditFails(s -> s.replace("[null,4]", "[null,16777216,16777216]"),
        "config.json does not fit its weights: ");
  }

  @Test
  void entryNamesThatCouldEscapeAreRefused() throws IOException {
    for (String name : List.of("../evil", "/abs", "a/../../b", "c:\\x")) {
      try (OutputStream out = Files.newOutputStream(bad);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        Fixtures.entries(good).forEach((entry, bytes) -> put(zip, entry, bytes));
        put(zip, name, new byte[] {1});
      }
      assertLoadFails(bad, "entry '" + name + "' has an unsafe name");
    }
  }

  @Test
  void anEntryThatInflatesBeyondItsLimitIsRefusedUnread() throws IOException {
    byte[] spaces = new byte[20 << 20];
    Arrays.fill(spaces, (byte) ' ');
    spaces[0] = '{';
    spaces[spaces.length - 1] = '}';
    Fixtures.rewrite(good, "metadata.json", b -> spaces, bad);
    assertTrue(Files.size(bad) < 200_000, "the bomb is small on disk");
    assertLoadFails(bad, "entry 'metadata.json' inflates to 20971520 bytes, more than the "
        + "1048576 bytes Tensile reads for it");
  }

  @Test
  void aWeightsFileIsNotAModel() throws IOException {
    Fixtures.trainedModel().saveWeights(bad);
    assertLoadFails(bad, "it holds weights only (a .weights.h5 file)");
  }

  @Test
  void nullIdentifiersGetClearMessages() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fixtures.smallModel().compile((String) null, "sparse_categorical_crossentropy"));
    assertTrue(e.getMessage().contains("null"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> Registry.keras().optimizer(null));
    assertTrue(e.getMessage().startsWith("an optimizer identifier must be a string or a "
        + "description, got null; known: sgd, rmsprop, adagrad, adam"), e.getMessage());
    assertThrows(ConfigException.class, () -> Registry.keras().loss(null));
    assertThrows(ConfigException.class, () -> Registry.keras().metric(null));
    assertThrows(ConfigException.class, () -> Registry.keras().create(null, null));
    assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(null));
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) {
    try {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(bytes);
      zip.closeEntry();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
