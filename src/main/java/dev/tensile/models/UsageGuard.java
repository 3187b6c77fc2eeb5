package dev.tensile.models;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a model to one thread at a time. {@code fit}, {@code evaluate} and {@code predict} share
 * the model's batch buffers, layer outputs, metrics and optimizer state, so a second call from
 * another thread while one runs fails at once instead of mixing them. On the running thread a
 * callback may still call {@code evaluate} or {@code predict} (between batches nothing is in
 * flight), but not {@code fit}, {@code compile} or {@code add}.
 */
final class UsageGuard {
  private final AtomicReference<Thread> owner = new AtomicReference<>();
  private volatile String running;
  private int depth;

  /**
   * Marks the start of a call; pair with {@link #exit()} in a {@code finally}.
   *
   * @param model the model's name, for the message
   * @param what the call, e.g. {@code fit()}
   * @param nestable true if the running thread may make this call from inside another
   * @throws IllegalStateException if another thread uses the model, or this call cannot nest
   */
  void enter(String model, String what, boolean nestable) {
    Thread me = Thread.currentThread();
    if (owner.compareAndSet(null, me)) {
      running = what;
      depth = 1;
      return;
    }
    Thread other = owner.get();
    if (other == me && nestable) {
      depth++;
      return;
    }
    throw busy(model, what, other == me);
  }

  /** Marks the end of the call started by the matching {@link #enter}. */
  void exit() {
    if (--depth == 0) {
      running = null;
      owner.set(null);
    }
  }

  /**
   * Fails if a call is running: the model's layers and compile settings must not change then.
   *
   * @param model the model's name
   * @param what the change, e.g. {@code add()}
   */
  void requireIdle(String model, String what) {
    Thread other = owner.get();
    if (other != null) {
      throw busy(model, what, other == Thread.currentThread());
    }
  }

  private IllegalStateException busy(String model, String what, boolean sameThread) {
    String now = running == null ? "a call" : running;
    if (sameThread) {
      return new IllegalStateException(
          "model '" + model + "' cannot run " + what + " from inside its own " + now
              + " (for example from a callback); call it after " + now + " returns");
    }
    return new IllegalStateException(
        "model '" + model + "' is already running " + now + " on another thread; a model is "
            + "used by one thread at a time: call " + what + " after it returns, or give each "
            + "thread its own model");
  }
}
