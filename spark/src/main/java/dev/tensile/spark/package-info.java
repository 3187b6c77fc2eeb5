/**
 * Synchronous data-parallel training of Tensile models on Apache Spark, by periodic averaging of
 * weights and optimizer state: {@link dev.tensile.spark.SparkTrainer#fit} trains one replica per
 * partition from broadcast state for {@link dev.tensile.spark.SparkFitOptions#averagingPeriod}
 * steps, sums the replicas' state in a deterministic tree ({@code treeAggregate}), averages it on
 * the driver and broadcasts it again. The JVM flags Spark needs on Java 17+ are listed in
 * {@code docs/scale.md}.
 */
package dev.tensile.spark;
