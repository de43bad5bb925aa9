/**
 * Braid on R2DBC and Project Reactor: {@code Mapper}, {@code Session}, {@code Select}, {@code Schema}, transactions.
 */
@NullMarked
package dev.braid.reactive;

import org.jspecify.annotations.NullMarked;
