/**
 * Callbacks: hooks that {@code fit} calls at the start and end of training, of each epoch and of
 * each batch, in Keras's order, with the current {@link dev.tensile.callbacks.Logs}. {@link
 * dev.tensile.callbacks.History} records every epoch's logs; {@link
 * dev.tensile.callbacks.ProgbarLogger} prints Keras's progress bar.
 */
package dev.tensile.callbacks;
