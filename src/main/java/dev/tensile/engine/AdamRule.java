package dev.tensile.engine;

/**
 * The fixed hyperparameters of Adam's update rule, for {@link Elementwise#adam}: the moments decay
 * by {@code beta1} and {@code beta2}, and {@code epsilon} is added to the root of the second moment.
 *
 * @param beta1 the first moment's decay, in [0, 1)
 * @param beta2 the second moment's decay, in [0, 1)
 * @param epsilon added outside the square root, at least 0
 */
public record AdamRule(float beta1, float beta2, float epsilon) {}
