/**
 * Runnable examples, compiled with the tests so they cannot rot. Run one with {@code mvn -q
 * test-compile exec:java -Dexample=NAME}; {@code FashionMnistTutorial} is the default. Each takes
 * {@code --subset} (use the bundled 2,000-image subset), {@code --epochs N} and {@code --out DIR}
 * (where pictures go, default {@code target/examples}).
 */
package dev.tensile.examples;
