/**
 * Internal to Braid (not exported). Statement execution on R2DBC: the executor interface and its implementation, error translation, SQL logging.
 */
@NullMarked
package dev.braid.reactive.internal.exec;

import org.jspecify.annotations.NullMarked;
