/**
 * Internal to Braid (not exported). Rows to objects: the entity hydrator, selectin batches and joined-row assembly.
 */
@NullMarked
package dev.braid.core.internal.hydrate;

import org.jspecify.annotations.NullMarked;
