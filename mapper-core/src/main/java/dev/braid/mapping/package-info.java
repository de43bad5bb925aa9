/**
 * The mapping registry users build from annotated classes or the fluent {@code EntityDefinition} builder; frozen and validated at build time.
 */
@NullMarked
package dev.braid.mapping;

import org.jspecify.annotations.NullMarked;
