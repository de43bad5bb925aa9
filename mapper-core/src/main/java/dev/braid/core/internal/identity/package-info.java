/**
 * Internal to Braid (not exported). The identity map: one object per row key, entity states, snapshots and key tables.
 */
@NullMarked
package dev.braid.core.internal.identity;

import org.jspecify.annotations.NullMarked;
