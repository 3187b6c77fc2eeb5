/**
 * Implementation helpers shared across Tensile's packages. They are public only because Java has
 * no other way to share code between packages: they are not part of Tensile's API, may change or
 * disappear in any release, and user code should not call them.
 *
 * <p>{@link dev.tensile.internal.AtomicFile} writes every file Tensile creates.
 */
package dev.tensile.internal;
