/**
 * Internal to Braid (not exported). Relationship loading after the parents were read: one loader per strategy, chosen once.
 */
@NullMarked
package dev.braid.reactive.internal.load;

import org.jspecify.annotations.NullMarked;
