package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the loader looks, in which order, and what it says; no network is used. */
class DatasetLoaderTest {
  private final TinyDataset tiny = new TinyDataset(7);
  private final List<String> notices = new ArrayList<>();

  @TempDir Path root;

  private DatasetLoader loader(Map<String, String> props, Map<String, String> env, Path packaged) {
    Places places =
        new Places(props::get, env::get, root.resolve("cache"), packaged, TinyDataset.offline());
    return new DatasetLoader(
        tiny.spec(TinyDataset.DEAD_MIRROR), places, DownloadListener.silent(), notices::add);
  }

  private DatasetLoader bare() {
    return loader(Map.of(), Map.of(), root.resolve("no-such-package"));
  }

  private void assertIsTiny(Dataset d) {
    assertArrayEquals(new int[] {TinyDataset.TRAIN, 28, 28}, d.xTrain().shape());
    assertArrayEquals(new int[] {TinyDataset.TEST, 28, 28}, d.xTest().shape());
    assertArrayEquals(new int[] {TinyDataset.TEST}, d.yTest().shape());
    assertEquals(tiny.trainPixels[5] & 0xFF, (int) d.xTrain().data()[5]);
    assertEquals(tiny.trainLabels[3], (int) d.yTrain().data()[3]);
  }

  @Test
  void explicitDirectoryGzipOrRaw() throws IOException {
    Path gz = tiny.writeTo(root.resolve("gz"), true);
    Dataset d = bare().load(gz);
    assertIsTiny(d);
    assertEquals("directory " + gz, d.source());
    assertEquals(List.of("Loaded Tiny from directory " + gz), notices);
    Path raw = tiny.writeTo(root.resolve("raw"), false);
    assertIsTiny(bare().load(raw));
  }

  @Test
  void explicitDirectoryMayHoldTheFilesInASubdirectoryNamedAfterTheDataset() throws IOException {
    tiny.writeTo(root.resolve("all").resolve(TinyDataset.NAME), true);
    Dataset d = bare().load(root.resolve("all"));
    assertEquals("directory " + root.resolve("all").resolve(TinyDataset.NAME), d.source());
  }

  @Test
  void explicitDirectoryWithoutTheFilesSaysWhereItLookedAndHowToFixIt() {
    Path empty = root.resolve("empty");
    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class, () -> bare().load(empty));
    String m = e.getMessage();
    assertTrue(m.startsWith("Tiny is not available. Places tried, in order:"), m);
    assertTrue(m.contains("directory " + empty + ": no such directory"), m);
    assertTrue(m.contains("sudo apt-get install dataset-tiny"), m);
    assertTrue(m.contains("set TENSILE_DATASETS=DIR"), m);
  }

  @Test
  void explicitDirectoryWithADamagedFileRaisesItsError() throws IOException {
    Path dir = tiny.writeTo(root.resolve("d"), true);
    Path images = dir.resolve(DatasetSpec.TEST_IMAGES);
    byte[] z = Files.readAllBytes(images);
    Files.write(images, Arrays.copyOf(z, z.length / 2));
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> bare().load(dir));
    assertEquals(images.toString(), e.file());
  }

  @Test
  void aFileWithTheWrongContentFailsItsHash() throws IOException {
    Path dir = tiny.writeTo(root.resolve("d"), true);
    byte[] other = IdxBytes.concat(IdxBytes.header(0x08, TinyDataset.TEST), new byte[5]);
    Files.write(dir.resolve(DatasetSpec.TEST_LABELS), IdxBytes.gzip(other));
    IOException e = assertThrows(IOException.class, () -> bare().load(dir));
    assertTrue(e.getMessage().contains("SHA-256 of the decompressed content is"), e.getMessage());
    assertTrue(e.getMessage().contains(TinyDataset.sha256(other)), e.getMessage());
  }

  @Test
  void propertyWinsOverEnvironmentAndSubdirectoryOverDirectory() throws IOException {
    Path byProperty = tiny.writeTo(root.resolve("p"), true);
    Path byEnv = tiny.writeTo(root.resolve("e").resolve(TinyDataset.NAME), true);
    Map<String, String> env = Map.of(DatasetLoader.DIRECTORY_SETTING, root.resolve("e").toString());
    Map<String, String> props = Map.of(DatasetLoader.DIRECTORY_SETTING, byProperty.toString());
    Path absent = root.resolve("absent");
    assertEquals(
        "TENSILE_DATASETS (system property) directory " + byProperty,
        loader(props, env, absent).load().source());
    assertEquals(
        "TENSILE_DATASETS (environment variable) directory " + byEnv,
        loader(Map.of(), env, absent).load().source());
  }

  @Test
  void orderIsSettingThenCacheThenPackage() throws IOException {
    Path setting = tiny.writeTo(root.resolve("s"), true);
    Path cache = tiny.writeTo(root.resolve("cache").resolve(TinyDataset.NAME), true);
    Path packaged = tiny.writeTo(root.resolve("pkg"), true);
    Map<String, String> props = Map.of(DatasetLoader.DIRECTORY_SETTING, setting.toString());
    assertTrue(loader(props, Map.of(), packaged).load().source().startsWith("TENSILE_DATASETS"));
    assertEquals("cache " + cache, loader(Map.of(), Map.of(), packaged).load().source());
    for (Path f : Files.list(cache).toList()) {
      Files.delete(f);
    }
    assertEquals(
        packaged + " (Debian package dataset-tiny)",
        loader(Map.of(), Map.of(), packaged).load().source());
  }

  @Test
  void aDamagedPlaceIsSkippedWithAWarning() throws IOException {
    Path setting = tiny.writeTo(root.resolve("s"), true);
    Files.write(setting.resolve(DatasetSpec.TRAIN_LABELS), new byte[] {1, 2, 3});
    Path packaged = tiny.writeTo(root.resolve("pkg"), true);
    Map<String, String> props = Map.of(DatasetLoader.DIRECTORY_SETTING, setting.toString());
    Dataset d = loader(props, Map.of(), packaged).load();
    assertTrue(d.source().startsWith(packaged.toString()), d.source());
    assertTrue(notices.get(0).startsWith("Warning: skipping TENSILE_DATASETS"), notices.get(0));
    assertTrue(notices.get(0).contains("header truncated"), notices.get(0));
    assertEquals("Loaded Tiny from " + d.source(), notices.get(1));
  }

  @Test
  void whenNothingWorksEveryPlaceIsListedWithTheFixes() {
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, bare()::load);
    List<String> tried = e.attempts();
    assertEquals(4, tried.size(), tried.toString());
    assertTrue(tried.get(0).startsWith("TENSILE_DATASETS: not set"), tried.get(0));
    assertTrue(tried.get(1).startsWith("cache " + root.resolve("cache")), tried.get(1));
    assertTrue(tried.get(2).endsWith("(Debian package dataset-tiny): not installed"));
    assertTrue(tried.get(3).startsWith("download from " + TinyDataset.DEAD_MIRROR), tried.get(3));
    assertTrue(e.getMessage().contains("\n  4. download from"), e.getMessage());
    assertTrue(e.getMessage().contains("\n  - install the Debian package"), e.getMessage());
    assertTrue(e.getMessage().contains("\n  - put train-images-idx3-ubyte.gz"), e.getMessage());
    assertTrue(notices.isEmpty(), "absent places are not warnings: " + notices);
  }
}
