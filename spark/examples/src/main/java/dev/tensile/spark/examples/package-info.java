/**
 * Runnable examples of training on Spark's local mode; compiled with the tests, never shipped in
 * the jar. Run one with {@code mvn -q -f spark/pom.xml test-compile exec:exec}.
 */
package dev.tensile.spark.examples;
