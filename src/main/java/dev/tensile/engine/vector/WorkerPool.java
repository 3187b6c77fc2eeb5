package dev.tensile.engine.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of daemon threads that run the parts of one job together with the calling thread.
 *
 * <p>Parts are claimed from a shared counter, so which thread runs a part varies, but a job's
 * parts must write disjoint outputs and not depend on one another; the result is then the same
 * whoever runs them. One job runs at a time: a caller that finds the pool busy runs all its parts
 * itself. Idle threads spin briefly (products of a training step come in quick succession) and
 * then park. Running a job allocates nothing; the threads start at the first job.
 */
final class WorkerPool {
  /** A job cut into parts numbered from 0. */
  interface Job {
    /**
     * Runs one part.
     *
     * @param part the part's number
     */
    void runPart(int part);
  }

  /**
   * How long an idle thread keeps polling before it parks. A training step of the chapter's CNN
   * hands the threads a few dozen jobs, some more than 50 us apart; a parked thread takes the
   * operating system's time to wake, so that the caller ran both parts alone or waited. Polling
   * 0.5 ms instead of 0.05 took the epoch from a median of 6.57 to 6.23 s (six rounds
   * alternating, two cores).
   */
  private static final long SPIN_NANOS = 500_000;

  private final int workerCount;
  private final ReentrantLock busy = new ReentrantLock();
  /** The job's generation in the high 32 bits, the number of unclaimed parts in the low 32. */
  private final AtomicLong claims = new AtomicLong();
  private final AtomicInteger unfinished = new AtomicInteger();
  private Thread[] workers;
  private Job job;
  private volatile Thread waiter;
  private volatile Throwable failure;

  /**
   * Makes a pool; its threads start when the first job runs.
   *
   * @param workerCount threads besides the caller's, at least 0
   */
  WorkerPool(int workerCount) {
    this.workerCount = workerCount;
  }

  /**
   * Runs parts {@code 0..parts-1} of a job, on the pool's threads and the caller's, and returns
   * when all are done.
   *
   * @param job the job
   * @param parts the number of parts
   */
  void run(Job job, int parts) {
    if (workerCount == 0 || parts == 1 || !busy.tryLock()) {
      for (int part = 0; part < parts; part++) {
        job.runPart(part);
      }
      return;
    }
    try {
      startWorkers();
      this.job = job;
      failure = null;
      waiter = Thread.currentThread();
      unfinished.set(parts);
      long generation = (claims.get() >>> 32) + 1;
      claims.set(generation << 32 | parts);
      for (Thread worker : workers) {
        LockSupport.unpark(worker);
      }
      claimParts();
      long start = System.nanoTime();
      while (unfinished.get() > 0) {
        pause(start);
      }
      this.job = null;
      Throwable t = failure;
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      }
      if (t instanceof Error) {
        throw (Error) t;
      }
      if (t != null) {
        throw new IllegalStateException("a part of a job on the engine's threads failed", t);
      }
    } finally {
      busy.unlock();
    }
  }

  private void startWorkers() {
    if (workers == null) {
      workers = new Thread[workerCount];
      for (int w = 0; w < workerCount; w++) {
        Thread thread = new Thread(this::work, "tensile-vector-" + (w + 1));
        thread.setDaemon(true);
        workers[w] = thread;
        thread.start();
      }
    }
  }

  private void work() {
    while (true) {
      long seen = claims.get();
      claimParts();
      long start = System.nanoTime();
      while (claims.get() == seen) {
        pause(start);
      }
    }
  }

  /** Claims and runs parts until none is left unclaimed. */
  private void claimParts() {
    while (true) {
      long state = claims.get();
      int left = (int) state;
      if (left == 0) {
        return;
      }
      if (claims.compareAndSet(state, state - 1)) {
        try {
          job.runPart(left - 1);
        } catch (Throwable t) {
          failure = t;
        }
        if (unfinished.decrementAndGet() == 0) {
          LockSupport.unpark(waiter);
        }
      }
    }
  }

  private static void pause(long start) {
    if (System.nanoTime() - start < SPIN_NANOS) {
      Thread.onSpinWait();
    } else {
      LockSupport.park();
    }
  }
}
