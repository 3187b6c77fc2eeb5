package dev.tensile.saving;

import static dev.tensile.saving.Fixtures.BLOBS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Input;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights alone: saved, then loaded into a model of the same shapes, whatever its layer names. */
class WeightsFileTest {
  @TempDir Path dir;

  /** The fixture's architecture with other layer names and other initial weights. */
  private static Sequential sameShapesOtherNames() {
    RandomSeed.set(99);
    return new Sequential(
        new Input(4), new Dense(8, "relu"), new Dropout(0.25), new Dense(3, "softmax"));
  }

  @Test
  void weightsLoadIntoAFreshModelByClassAndPosition() throws IOException {
    Sequential trained = Fixtures.trainedModel();
    Path file = dir.resolve("model.weights.h5");
    trained.saveWeights(file);
    Sequential fresh = sameShapesOtherNames();
    assertNotEquals(trained.layers().get(0).name(), fresh.layers().get(0).name());
    assertFalse(Arrays.equals(trained.predict(BLOBS[0]).data(), fresh.predict(BLOBS[0]).data()));
    fresh.loadWeights(file);
    assertArrayEquals(trained.predict(BLOBS[0]).data(), fresh.predict(BLOBS[0]).data());
  }

  @Test
  void weightsLoadFromAModelFileToo() throws IOException {
    Sequential trained = Fixtures.trainedModel();
    Path file = dir.resolve("model.keras");
    trained.save(file);
    Sequential fresh = sameShapesOtherNames();
    fresh.loadWeights(file);
    assertArrayEquals(trained.predict(BLOBS[0]).data(), fresh.predict(BLOBS[0]).data());
    assertFalse(fresh.isCompiled());
  }

  @Test
  void otherShapesAreRefusedAndNothingChanges() throws IOException {
    Path file = dir.resolve("model.weights.h5");
    Fixtures.trainedModel().saveWeights(file);
    RandomSeed.set(5);
    Sequential wider =
        new Sequential(new Input(4), new Dense(8, "relu"), new Dense(4, "softmax")).name("wider");
    List<Tensor> before = wider.getWeights();
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> wider.loadWeights(file));
    String name = wider.layers().get(1).name();
    assertEquals(
        "weight 0 of layer '" + name + "' has shape (8, 3) in the file, but weight '" + name
            + "/kernel' has shape (8, 4)",
        e.problem());
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i).data(), wider.getWeights().get(i).data());
    }
  }

  @Test
  void anotherNumberOfLayersOrWeightsIsRefused() throws IOException {
    Path file = dir.resolve("model.weights.h5");
    Fixtures.trainedModel().saveWeights(file);
    Sequential shallow = new Sequential(new Input(4), new Dense(3)).name("shallow");
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> shallow.loadWeights(file));
    assertTrue(
        e.problem()
            .startsWith("'layers/dense_1' holds variables, but the model has no such layer; its "
                + "layers are [layers/dense]"),
        e.problem());

    Sequential noBias =
        new Sequential(new Input(4), new Dense(8).useBias(false), new Dense(3)).name("nobias");
    e = assertThrows(ModelFormatException.class, () -> noBias.loadWeights(file));
    assertTrue(
        e.problem().endsWith("has 2 weight arrays in the file, but as configured it has 1 "
            + "[" + noBias.layers().get(0).name() + "/kernel(4, 8)]"),
        e.problem());
  }

  @Test
  void anUnbuiltModelCannotSaveOrLoadWeights() throws IOException {
    Path file = dir.resolve("model.weights.h5");
    Fixtures.trainedModel().saveWeights(file);
    Sequential unbuilt = new Sequential(new Dense(3)).name("unbuilt");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> unbuilt.loadWeights(file));
    assertEquals(
        "model 'unbuilt' is not built; start it with an Input or call build(...) before "
            + "loadWeights",
        e.getMessage());
    Path other = dir.resolve("other.keras");
    assertThrows(IllegalStateException.class, () -> unbuilt.saveWeights(other));
    assertFalse(Files.exists(other));
  }

  @Test
  void aFileOfAnotherKindIsReported() throws IOException {
    Path bad = dir.resolve("bad.weights.h5");
    Files.writeString(bad, "epoch,loss\n1,0.5\n");
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> Fixtures.trainedModel().loadWeights(bad));
    assertEquals(
        "not a weights file: it starts with neither an HDF5 nor a zip signature", e.problem());
  }
}
