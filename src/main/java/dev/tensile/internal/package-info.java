/**
 * Not API: implementation helpers that must be public in Java because one package of Tensile
 * calls into another, but that users should neither call nor rely on. They may change in any
 * release without notice. This package depends on nothing else in Tensile.
 */
package dev.tensile.internal;
