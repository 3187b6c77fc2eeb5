/**
 * Models: {@link dev.tensile.models.Sequential}, a stack of layers trained with {@code compile},
 * {@code fit}, {@code evaluate} and {@code predict}, its fluent option objects ({@link
 * dev.tensile.models.FitOptions}, {@link dev.tensile.models.EvaluateOptions}, {@link
 * dev.tensile.models.Verbosity}) and {@link dev.tensile.models.EvaluationResult}.
 *
 * <p>Behind {@code Sequential}, package-private: {@code LayerStack} builds the layers, {@code
 * Compilation} holds compile's settings, {@code Fit} owns one training run in named steps, {@code
 * StepRunner} runs one batch with reused buffers, {@code Evaluation} the test and prediction
 * loops, and {@code UsageGuard} keeps a model to one thread at a time.
 *
 * <p>Uses every library package but {@code datasets}.
 */
package dev.tensile.models;
