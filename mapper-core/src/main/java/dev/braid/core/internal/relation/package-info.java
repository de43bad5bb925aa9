/**
 * Internal to Braid (not exported). Braid's access to the relationship wrappers' package-private operations (method handles).
 */
@NullMarked
package dev.braid.core.internal.relation;

import org.jspecify.annotations.NullMarked;
