package dev.tensile.datasets;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where a {@link DatasetLoader} looks: its settings, cache, packaged copy and mirror. The defaults
 * come from the running system; tests substitute their own.
 *
 * @param properties looks up a system property, {@code null} if unset
 * @param environment looks up an environment variable, {@code null} if unset
 * @param cacheRoot the directory holding one cache directory per dataset
 * @param packagedDir where a Debian package installs the dataset, or {@code null} if none does
 * @param downloader fetches files from the mirror
 */
record Places(
    UnaryOperator<String> properties,
    UnaryOperator<String> environment,
    Path cacheRoot,
    Path packagedDir,
    Downloader downloader) {

  /**
   * Returns the places of the running system for a dataset.
   *
   * @param spec the dataset
   * @return system properties, the environment, {@code ~/.tensile/datasets}, the Debian location
   *     and the dataset's mirror
   */
  static Places system(DatasetSpec spec) {
    return new Places(
        System::getProperty,
        System::getenv,
        Path.of(System.getProperty("user.home"), ".tensile", "datasets"),
        spec.packagedDir(),
        new Downloader(spec.mirror(), Downloader.CONNECT_TIMEOUT, Downloader.READ_TIMEOUT));
  }

  /**
   * Returns the directory setting: the system property if set, else the environment variable.
   *
   * @param name the setting's name
   * @return {@code {value, "system property" or "environment variable"}}, or {@code null} if
   *     neither is set
   */
  String[] setting(String name) {
    String property = properties.apply(name);
    if (property != null) {
      return new String[] {property, "system property"};
    }
    String variable = environment.apply(name);
    return variable == null ? null : new String[] {variable, "environment variable"};
  }
}
