/**
 * Optimizers with Keras 3's exact update rules, argument names and defaults: {@link
 * dev.tensile.optimizers.SGD} (with momentum and Nesterov), {@link
 * dev.tensile.optimizers.RMSprop}, {@link dev.tensile.optimizers.Adagrad} and {@link
 * dev.tensile.optimizers.Adam}.
 *
 * <p>{@link dev.tensile.optimizers.Optimizer} owns the lifecycle (argument checks, lazily made
 * per-weight state, gradient clipping, the step count, the loop over weights); each subclass writes
 * only its update rule.
 *
 * <p>Uses {@code tensor}. The state is readable ({@code slotValues()}, Keras's {@code
 * optimizer.variables}) and restorable ({@code restore}), for saving.
 */
package dev.tensile.optimizers;
