/**
 * Tensile's performance benchmark: how fast a training step's matrix products run on each engine
 * ({@link dev.tensile.benchmarks.KernelBenchmarks}, under JMH), how fast the tutorial's models
 * train through {@code fit} ({@link dev.tensile.benchmarks.TrainingBenchmark}), how long a fresh
 * JVM takes to finish its first epoch ({@link dev.tensile.benchmarks.StartupBenchmark}) and how
 * many bytes a steady training step allocates ({@link dev.tensile.benchmarks.AllocationProbe}), and
 * how its time on the real Fashion-MNIST compares with PyTorch's and Keras's ({@link
 * dev.tensile.benchmarks.PeerComparisonBenchmark} beside {@code benchmarks/peers.py}).
 *
 * <p>Each part appends {@link dev.tensile.benchmarks.Result} lines to one file, and {@link
 * dev.tensile.benchmarks.BenchReport} turns them into the Markdown report. {@code bash
 * benchmarks/run.sh} runs it all, the peers alternating with Tensile. The sources are compiled
 * with the tests, so they keep up with the library; only the report's logic has tests.
 */
package dev.tensile.benchmarks;
