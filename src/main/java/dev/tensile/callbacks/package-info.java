/**
 * Callbacks: hooks that {@code fit} calls at the start and end of training, of each epoch and of
 * each batch, in Keras's order, with the current {@link dev.tensile.callbacks.Logs}. A callback
 * sees the model through {@link dev.tensile.callbacks.TrainingModel} (stop training, weights,
 * learning rate, save), which {@code Sequential} implements. {@link
 * dev.tensile.callbacks.History} records every epoch's logs and is what {@code fit} returns;
 * {@link dev.tensile.callbacks.ProgbarLogger} prints Keras's progress bar.
 *
 * <p>Keras's ready-made callbacks, with its defaults and set fluently: {@link
 * dev.tensile.callbacks.EarlyStopping}, {@link dev.tensile.callbacks.ModelCheckpoint}, {@link
 * dev.tensile.callbacks.ReduceLROnPlateau} (all three on {@link
 * dev.tensile.callbacks.MonitorCallback}, which owns the monitored key, the mode and the
 * improvement test), {@link dev.tensile.callbacks.LearningRateScheduler}, {@link
 * dev.tensile.callbacks.CSVLogger} and {@link dev.tensile.callbacks.TerminateOnNaN}.
 *
 * <p>Uses {@code tensor} and {@code utils} only; never {@code models}.
 */
package dev.tensile.callbacks;
