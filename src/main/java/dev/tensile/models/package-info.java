/**
 * Models: {@link dev.tensile.models.Sequential}, a stack of layers trained with {@code compile},
 * {@code fit}, {@code evaluate} and {@code predict}, and its small fluent option objects.
 */
package dev.tensile.models;
