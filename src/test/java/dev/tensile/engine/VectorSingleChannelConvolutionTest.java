package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The single-channel convolution contract for the Vector API kernels; skipped when the JVM lacks
 * {@code jdk.incubator.vector}.
 */
class VectorSingleChannelConvolutionTest extends SingleChannelConvolutionContract {
  @BeforeAll
  static void needsTheVectorModule() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
  }

  @Override
  protected SingleChannelConvolution kernels() {
    return Engines.vector().singleChannelConvolution();
  }

  @Test
  void theVectorEngineHasKernelsOfItsOwn() {
    assertNotSame(ScalarSingleChannelConvolution.INSTANCE,
        Engines.vector().singleChannelConvolution());
  }
}
