package dev.tensile.engine;

/**
 * The fixed hyperparameters of RMSprop's update rule, for {@link Elementwise#rmsprop}.
 *
 * @param rho the decay of the mean squared gradient, in [0, 1]
 * @param momentum the momentum, in [0, 1]; 0 for none
 * @param epsilon added inside the square root, at least 0
 */
public record RmspropRule(float rho, float momentum, float epsilon) {}
