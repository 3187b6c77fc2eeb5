package dev.tensile.datasets;

import java.io.IOException;
import java.util.List;

/**
 * No place held a usable copy of a dataset. The message lists every place tried, in order, why each
 * failed, and how to fix it.
 */
public class DatasetUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The places tried, for the short summary; not serialized. */
  private final transient List<String> attempts;

  /**
   * Makes the exception.
   *
   * @param title the dataset's name, for example {@code Fashion-MNIST}
   * @param attempts one line per place tried: the place, a colon, why it failed
   * @param fixes the ways to make the dataset available, one per line
   */
  public DatasetUnavailableException(String title, List<String> attempts, List<String> fixes) {
    super(describe(title, attempts, fixes));
    this.attempts = List.copyOf(attempts);
  }

  /**
   * Returns the places tried and why each failed.
   *
   * @return one line per place, in the order tried
   */
  public List<String> attempts() {
    return attempts == null ? List.of() : attempts;
  }

  /**
   * Summarises the attempts on one line.
   *
   * @return the attempts joined by {@code "; "}
   */
  public String summary() {
    return String.join("; ", attempts());
  }

  private static String describe(String title, List<String> attempts, List<String> fixes) {
    StringBuilder b = new StringBuilder(title + " is not available. Places tried, in order:");
    for (int i = 0; i < attempts.size(); i++) {
      b.append("\n  ").append(i + 1).append(". ").append(attempts.get(i));
    }
    b.append("\nTo fix it, either:");
    for (String fix : fixes) {
      b.append("\n  - ").append(fix);
    }
    return b.toString();
  }
}
