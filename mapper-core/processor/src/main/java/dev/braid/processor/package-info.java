/**
 * The annotation processor of the {@code braid-processor} artifact: generates the typed metamodel ({@code Author_}) and per-entity column accessors ({@code Author_Fields}).
 */
@NullMarked
package dev.braid.processor;

import org.jspecify.annotations.NullMarked;
