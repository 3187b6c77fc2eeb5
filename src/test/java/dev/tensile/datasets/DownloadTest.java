package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server: success, and failures that leave the cache clean. */
class DownloadTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  /** How long a stalled answer waits: far longer than the stall test's read timeout. */
  private static final Duration STALL = Duration.ofMillis(1500);

  /** How the server answers for one file. */
  private enum Answer {
    WHOLE,
    NOT_FOUND,
    CUT_MID_FILE,
    STALL_MID_FILE,
    OTHER_CONTENT
  }

  private final TinyDataset tiny = new TinyDataset(11);
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final List<String> notices = new ArrayList<>();
  private HttpServer server;
  private URI mirror;

  @TempDir Path root;

  /** Where the loader caches: made by the first download, like {@code ~/.tensile/datasets}. */
  private Path cacheRoot;

  @BeforeEach
  void startServer() throws IOException {
    cacheRoot = root.resolve("home").resolve(".tensile").resolve("datasets");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/mirror/", this::answer);
    server.start();
    mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
    byte[] content = tiny.contents.get(name);
    Answer how = answers.getOrDefault(name, Answer.WHOLE);
    if (content == null || how == Answer.NOT_FOUND) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] body = IdxBytes.gzip(how == Answer.OTHER_CONTENT ? other(content) : content);
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    if (how == Answer.STALL_MID_FILE) {
      out.write(body, 0, body.length / 2);
      out.flush();
      sleep(STALL);
      exchange.close();
      return;
    }
    if (how == Answer.CUT_MID_FILE) {
      out.write(body, 0, body.length / 2);
      out.flush();
      exchange.getHttpContext().getServer().stop(0); // drops the open connection
      return;
    }
    out.write(body);
    exchange.close();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The same header with different data. */
  private static byte[] other(byte[] content) {
    byte[] b = content.clone();
    b[b.length - 1] ^= 1;
    return b;
  }

  private DatasetLoader loader() {
    return loader(Duration.ofSeconds(5));
  }

  private DatasetLoader loader(Duration readTimeout) {
    Downloader d = new Downloader(mirror, Duration.ofSeconds(5), readTimeout);
    Places places = new Places(k -> null, k -> null, cacheRoot, root.resolve("absent"), d);
    DownloadListener recorder =
        new DownloadListener() {
          @Override
          public void started(URI url, long totalBytes) {
            events.add("started " + url + " " + totalBytes);
          }

          @Override
          public void progress(long bytesSoFar, long totalBytes) {}

          @Override
          public void ended(long bytesSoFar, boolean complete) {
            events.add("ended " + bytesSoFar + " " + complete);
          }
        };
    return new DatasetLoader(tiny.spec(mirror), places, recorder, notices::add);
  }

  private List<String> cacheFiles() throws IOException {
    Path cache = cacheRoot.resolve(TinyDataset.NAME);
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A failed first download leaves neither files nor the directories it made. */
  private void assertNoCacheLeft() throws IOException {
    try (Stream<Path> left = Files.list(root)) {
      assertEquals(List.of(), left.toList(), "the cache root holds nothing after a failure");
    }
  }

  private String failedDownload() {
    return failedDownload(loader());
  }

  private static String failedDownload(DatasetLoader loader) {
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, loader::load);
    List<String> tried = e.attempts();
    return tried.get(tried.size() - 1);
  }

  @Test
  void downloadsVerifiesAndCaches() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          Dataset d = loader().load();
          Path cache = cacheRoot.resolve(TinyDataset.NAME);
          assertEquals("download from " + mirror + " into " + cache, d.source());
          assertEquals(TinyDataset.TRAIN, d.xTrain().samples());
          assertEquals(
              List.of(
                  "t10k-images-idx3-ubyte.gz",
                  "t10k-labels-idx1-ubyte.gz",
                  "train-images-idx3-ubyte.gz",
                  "train-labels-idx1-ubyte.gz"),
              cacheFiles());
          long size = Files.size(cache.resolve(DatasetSpec.TRAIN_IMAGES));
          assertEquals("started " + mirror + DatasetSpec.TRAIN_IMAGES + " " + size, events.get(0));
          assertEquals("ended " + size + " true", events.get(1));
          assertEquals(8, events.size());
          server.stop(0);
          assertEquals("cache " + cache, loader().load().source(), "no second download");
        });
  }

  @Test
  void aChecksumMismatchKeepsNothing() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          answers.put(DatasetSpec.TRAIN_IMAGES, Answer.OTHER_CONTENT);
          String why = failedDownload();
          assertTrue(why.contains("nothing was kept"), why);
          assertTrue(why.contains("SHA-256 of the decompressed content is"), why);
          assertNoCacheLeft();
          assertTrue(events.get(1).endsWith(" false"), events.toString());
        });
  }

  @Test
  void aConnectionCutMidFileKeepsOnlyTheVerifiedFiles() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          answers.put(DatasetSpec.TEST_IMAGES, Answer.CUT_MID_FILE);
          String why = failedDownload();
          assertTrue(why.contains(DatasetSpec.TEST_IMAGES + " failed, nothing was kept"), why);
          assertTrue(why.contains("the connection closed after"), why);
          assertEquals(
              List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), cacheFiles());
        });
  }

  @Test
  void aStalledTransferTimesOutAndKeepsNothing() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          answers.put(DatasetSpec.TRAIN_IMAGES, Answer.STALL_MID_FILE);
          String why = failedDownload(loader(Duration.ofMillis(300)));
          assertTrue(why.contains("nothing was kept: SocketTimeoutException: Read timed out"), why);
          assertNoCacheLeft();
        });
  }

  @Test
  void aMissingFileKeepsNothing() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          answers.put(DatasetSpec.TRAIN_IMAGES, Answer.NOT_FOUND);
          String why = failedDownload();
          assertTrue(why.contains("the server answered HTTP 404"), why);
          assertNoCacheLeft();
          assertEquals(List.of(), events, "a refused request never starts");
        });
  }

  @Test
  void aDamagedCachedFileIsReplaced() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          Path cache = tiny.writeTo(cacheRoot.resolve(TinyDataset.NAME), true);
          Files.write(cache.resolve(DatasetSpec.TEST_LABELS), new byte[] {0, 0, 8});
          Dataset d = loader().load();
          assertTrue(d.source().startsWith("download from"), d.source());
          assertTrue(notices.get(0).startsWith("Warning: skipping cache"), notices.get(0));
          assertEquals(2, events.size(), "only the damaged file is fetched: " + events);
          assertEquals(4, cacheFiles().size());
        });
  }

  @Test
  void aFailedDownloadKeepsTheDirectoriesThatWereThereBefore() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          Path cache = Files.createDirectories(cacheRoot.resolve(TinyDataset.NAME));
          answers.put(DatasetSpec.TRAIN_IMAGES, Answer.NOT_FOUND);
          failedDownload();
          assertTrue(Files.isDirectory(cache));
          assertEquals(List.of(), cacheFiles());
        });
  }
}
