/**
 * Internal to Braid (not exported). DDL planning from the mapping: tables, foreign keys and indexes in dependency order.
 */
@NullMarked
package dev.braid.core.internal.plan.schema;

import org.jspecify.annotations.NullMarked;
