/**
 * Internal to Braid (not exported). Runs a flush plan's write steps in order on the session's connection.
 */
@NullMarked
package dev.braid.reactive.internal.flush;

import org.jspecify.annotations.NullMarked;
