/**
 * Internal to Braid (not exported). The configure step and the frozen mapping model: entity, column and relationship mappings, field access, value types, table order.
 */
@NullMarked
package dev.braid.core.internal.meta;

import org.jspecify.annotations.NullMarked;
