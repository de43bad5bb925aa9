/**
 * Internal to Braid (not exported). Query and load planning: select plans, selectin queries, keyset windows, explicit loads, bulk deletes, write-only queries.
 */
@NullMarked
package dev.braid.core.internal.plan.load;

import org.jspecify.annotations.NullMarked;
