/**
 * Utilities shared by the rest of Tensile: reproducible random numbers, the Keras-style progress
 * bar and image output.
 */
package dev.tensile.utils;
