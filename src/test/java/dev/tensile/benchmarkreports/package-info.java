/**
 * Tests of the benchmark's report, kept out of {@code dev.tensile.benchmarks} because the
 * benchmark harness compiles that package with JMH's annotation processor alone.
 */
package dev.tensile.benchmarkreports;
