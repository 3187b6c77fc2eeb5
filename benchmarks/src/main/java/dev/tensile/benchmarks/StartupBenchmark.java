package dev.tensile.benchmarks;

import dev.tensile.engine.MatrixEngine;
import dev.tensile.models.FitOptions;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Time to a first result in a fresh JVM: from JVM start (the runtime's recorded start time) to the
 * end of the first epoch of the relu model with Adam at batch 32 on 48,000 samples, the data
 * generation and model set-up included. Run it as the first and only thing the JVM does.
 *
 * <p>Options: {@code --results FILE}, {@code --quick} (4,800 samples). If the launcher passes
 * {@code -Dbench.launchMillis=<epoch millis>}, the time from launch is recorded too, which also
 * covers the JVM's own boot before its start time is taken.
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  /**
   * Runs the measurement.
   *
   * @param args see the class description
   */
  public static void main(String[] args) {
    Options options = new Options(args, Set.of("quick"), Set.of("results"));
    MatrixEngine engine = TrainingBenchmark.engineOrExit();
    long start = System.nanoTime();
    int samples = SyntheticImages.TRAIN_SAMPLES / (options.flag("quick") ? 10 : 1);
    SyntheticImages data = new SyntheticImages(samples, TrainingBenchmark.SEED);
    double dataSeconds = (System.nanoTime() - start) / 1e9;
    Workload w = Workload.TUTORIAL.get(3);
    w.build()
        .fit(
            data.images(),
            data.labels(),
            new FitOptions()
                .epochs(1)
                .batchSize(w.batch())
                .verbose(0)
                .seed(TrainingBenchmark.SEED));
    double fromJvmStart = TrainingBenchmark.millisSinceJvmStart() / 1e3;
    String variant = TrainingBenchmark.variantName(engine);
    Result.append(
        options.results(),
        List.of(
            Result.of("startup_s", variant, "jvm_start_to_first_epoch_end", fromJvmStart),
            Result.of("startup_s", variant, "of_which_data_generation", dataSeconds)));
    String launch = System.getProperty("bench.launchMillis");
    if (launch != null) {
      double fromLaunch = (System.currentTimeMillis() - Long.parseLong(launch)) / 1e3;
      Result.append(
          options.results(),
          List.of(Result.of("startup_s", variant, "launch_to_first_epoch_end", fromLaunch)));
    }
    Progress.say(
        String.format(
            Locale.ROOT,
            "%s: %.2f s from JVM start to the end of the first epoch (data generation %.2f s)",
            variant,
            fromJvmStart,
            dataSeconds));
  }
}
