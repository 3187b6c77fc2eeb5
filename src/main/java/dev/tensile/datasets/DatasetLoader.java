package dev.tensile.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds, verifies and loads an MNIST-format dataset. {@link #load()} looks in these places, in
 * order, and uses the first that holds all four files intact:
 *
 * <ol>
 *   <li>the directory named by {@value #DIRECTORY_SETTING} (a system property, which wins, or an
 *       environment variable): first its subdirectory named after the dataset ({@code
 *       fashion-mnist} or {@code mnist}), then the directory itself;
 *   <li>the cache, {@code ~/.tensile/datasets/<name>};
 *   <li>the copy a Debian package installs, such as {@code /usr/share/datasets/fashion-mnist};
 *   <li>a download from the dataset's mirror into the cache.
 * </ol>
 *
 * <p>Every file is checked against the SHA-256 of its decompressed content (where a verified hash
 * is known) and the image and label files against each other. A place whose files fail a check is
 * skipped with a warning. One line on the notices stream says where the data was loaded from; the
 * dataset's {@link Dataset#source()} says the same. If no place works, a {@link
 * DatasetUnavailableException} lists each place and why it failed.
 *
 * <p>Instances are immutable; the {@code with} methods return changed copies.
 */
public final class DatasetLoader {
  /** The name of the system property or environment variable naming a datasets directory. */
  public static final String DIRECTORY_SETTING = "TENSILE_DATASETS";

  private final DatasetSpec spec;
  private final Places places;
  private final DownloadListener listener;
  private final Consumer<String> notices;

  /**
   * Makes a loader.
   *
   * @param spec the dataset
   * @param places where to look
   * @param listener hears download progress
   * @param notices receives one-line notices
   */
  DatasetLoader(
      DatasetSpec spec, Places places, DownloadListener listener, Consumer<String> notices) {
    this.spec = spec;
    this.places = places;
    this.listener = listener;
    this.notices = notices;
  }

  /**
   * Makes a loader with the defaults: the running system's places, progress and notices on standard
   * error.
   *
   * @param spec the dataset
   */
  DatasetLoader(DatasetSpec spec) {
    this(spec, Places.system(spec), DownloadListener.console(), System.err::println);
  }

  /**
   * Returns a copy that reports download progress to another listener.
   *
   * @param progress hears each download's progress, for example a progress bar
   * @return the changed copy
   */
  public DatasetLoader withListener(DownloadListener progress) {
    return new DatasetLoader(spec, places, progress, notices);
  }

  /**
   * Returns a copy that sends its one-line notices (where the data came from, warnings about
   * skipped places) somewhere other than standard error.
   *
   * @param sink receives each notice
   * @return the changed copy
   */
  public DatasetLoader withNotices(Consumer<String> sink) {
    return new DatasetLoader(spec, places, listener, sink);
  }

  /**
   * Loads the dataset from the first place that has it (see the class description).
   *
   * @return the train and test splits and where they came from
   * @throws DatasetUnavailableException if no place works; the message lists each place tried, why
   *     it failed, and how to fix it
   */
  public Dataset load() throws DatasetUnavailableException {
    List<String> attempts = new ArrayList<>();
    Dataset found = fromSetting(attempts);
    Path cache = places.cacheRoot().resolve(spec.name());
    if (found == null) {
      found = fromDirectory(cache, "cache " + cache, attempts);
    }
    if (found == null) {
      found = fromPackage(attempts);
    }
    if (found == null) {
      found = download(cache, attempts);
    }
    if (found == null) {
      throw unavailable(attempts);
    }
    return found;
  }

  /**
   * Loads the dataset from one directory only: {@code dir/<name>/} if that holds the files, else
   * {@code dir} itself.
   *
   * @param dir the directory holding the four files (gzip-compressed or not)
   * @return the train and test splits
   * @throws DatasetUnavailableException if the files are not there
   * @throws IOException if they are there but invalid: not IDX ({@link IdxFormatException}), a
   *     wrong hash, or images and labels that disagree
   */
  public Dataset load(Path dir) throws IOException {
    List<String> attempts = new ArrayList<>();
    for (Path d : List.of(dir.resolve(spec.name()), dir)) {
      List<Path> files = locate(d, "directory " + d, attempts);
      if (files != null) {
        return read(files, "directory " + d);
      }
    }
    throw unavailable(attempts);
  }

  private Dataset fromSetting(List<String> attempts) {
    String[] setting = places.setting(DIRECTORY_SETTING);
    if (setting == null || setting[0].isBlank()) {
      attempts.add(DIRECTORY_SETTING + ": not set (no system property, no environment variable)");
      return null;
    }
    String place = DIRECTORY_SETTING + " (" + setting[1] + ") directory ";
    Path base;
    try {
      base = Path.of(setting[0]);
    } catch (InvalidPathException e) {
      attempts.add(place + setting[0] + ": not a valid path: " + e.getMessage());
      return null;
    }
    Path sub = base.resolve(spec.name());
    Dataset found = fromDirectory(sub, place + sub, attempts);
    return found != null ? found : fromDirectory(base, place + base, attempts);
  }

  private Dataset fromPackage(List<String> attempts) {
    Path packaged = places.packagedDir();
    if (packaged == null) {
      attempts.add("Debian: no package ships " + spec.title());
      return null;
    }
    String place = packaged + " (Debian package " + spec.debianPackage() + ")";
    if (!Files.isDirectory(packaged)) {
      attempts.add(place + ": not installed");
      return null;
    }
    return fromDirectory(packaged, place, attempts);
  }

  private Dataset fromDirectory(Path dir, String place, List<String> attempts) {
    List<Path> files = locate(dir, place, attempts);
    if (files == null) {
      return null;
    }
    try {
      return read(files, place);
    } catch (IOException e) {
      attempts.add(place + ": " + e.getMessage());
      notices.accept("Warning: skipping " + place + ": " + e.getMessage());
      return null;
    }
  }

  private Dataset download(Path cache, List<String> attempts) {
    Downloader downloader = places.downloader();
    String place = "download from " + downloader.base() + " into " + cache;
    List<Path> created = new ArrayList<>();
    try {
      createDirectories(cache, created);
      for (DataFile file : spec.files()) {
        Path target = cache.resolve(file.name());
        if (!isIntact(file, target)) {
          downloader.fetch(file, target, listener);
        }
      }
    } catch (IOException e) {
      attempts.add(place + ": " + e.getMessage());
      deleteIfEmpty(created);
      return null;
    }
    return fromDirectory(cache, place, attempts);
  }

  /** Creates {@code dir} and its missing parents, recording each one made, outermost first. */
  private static void createDirectories(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir.toAbsolutePath(); d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    for (Path d : missing) {
      Files.createDirectory(d);
      created.add(d);
    }
  }

  /** Deletes directories a failed download made, innermost first, as long as they are empty. */
  private static void deleteIfEmpty(List<Path> created) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.delete(created.get(i));
      } catch (IOException e) {
        return; // not empty (a file some earlier download verified) or not ours to delete
      }
    }
  }

  private static boolean isIntact(DataFile file, Path path) {
    try {
      return Files.isRegularFile(path) && file.readVerified(path, path.toString()) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** Finds the four files in {@code dir}, each as {@code name.gz} or {@code name}; else null. */
  private List<Path> locate(Path dir, String place, List<String> attempts) {
    if (!Files.isDirectory(dir)) {
      attempts.add(place + ": no such directory");
      return null;
    }
    List<Path> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (DataFile file : spec.files()) {
      Path gz = dir.resolve(file.name());
      Path plain = dir.resolve(file.name().replaceFirst("\\.gz$", ""));
      if (Files.isRegularFile(gz)) {
        found.add(gz);
      } else if (Files.isRegularFile(plain)) {
        found.add(plain);
      } else {
        missing.add(file.name());
      }
    }
    if (!missing.isEmpty()) {
      attempts.add(place + ": missing " + String.join(", ", missing));
      return null;
    }
    return found;
  }

  private Dataset read(List<Path> paths, String place) throws IOException {
    List<IdxFile> contents = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<DataFile> files = spec.files();
    for (int i = 0; i < files.size(); i++) {
      names.add(paths.get(i).toString());
      contents.add(files.get(i).readVerified(paths.get(i), names.get(i)));
    }
    Dataset data = spec.assemble(contents, names, place);
    notices.accept("Loaded " + spec.title() + " from " + place);
    return data;
  }

  private DatasetUnavailableException unavailable(List<String> attempts) {
    List<String> fixes = new ArrayList<>();
    String files = spec.fileNames();
    if (spec.debianPackage() != null) {
      fixes.add("install the Debian package: sudo apt-get install " + spec.debianPackage());
    } else {
      files += " (from " + spec.mirror() + "; no Debian package ships " + spec.title() + ")";
    }
    fixes.add(
        "put "
            + files
            + " in a directory DIR and set "
            + DIRECTORY_SETTING
            + "=DIR (a -D system property or an environment variable; the files may sit in DIR/"
            + spec.name()
            + "/ or in DIR itself), or pass DIR to loadData(Path)");
    return new DatasetUnavailableException(spec.title(), attempts, fixes);
  }

  /**
   * Describes the loader by its dataset.
   *
   * @return for example {@code DatasetLoader(Fashion-MNIST)}
   */
  @Override
  public String toString() {
    return "DatasetLoader(" + spec.title() + ")";
  }
}
