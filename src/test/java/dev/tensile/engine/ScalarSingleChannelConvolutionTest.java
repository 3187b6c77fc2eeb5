package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The single-channel convolution contract for the portable kernels, the EJML engine's. */
class ScalarSingleChannelConvolutionTest extends SingleChannelConvolutionContract {
  @Override
  protected SingleChannelConvolution kernels() {
    return ScalarSingleChannelConvolution.INSTANCE;
  }

  @Test
  void theEjmlEngineUsesThePortableKernels() {
    assertSame(ScalarSingleChannelConvolution.INSTANCE,
        new EjmlEngine().singleChannelConvolution());
  }
}
