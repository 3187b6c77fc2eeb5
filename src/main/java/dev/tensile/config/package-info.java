/**
 * Keras's description of an object, {@code {"class_name": "Dense", "config": {"units": 10, ...}}}:
 * {@link dev.tensile.config.ObjectConfig} with typed, checked getters whose errors name the entry
 * and say what was expected. Layers, optimizers, losses and initializers describe themselves with
 * it, at Keras's class names, keys and defaults, and are rebuilt from it by the registry in {@code
 * dev.tensile.saving}. This package knows no concrete type of any other package.
 */
package dev.tensile.config;
