/**
 * Internal to Braid (not exported). Shared helpers: argument checks and the one topological sort used by flush and schema ordering.
 */
@NullMarked
package dev.braid.core.internal.util;

import org.jspecify.annotations.NullMarked;
