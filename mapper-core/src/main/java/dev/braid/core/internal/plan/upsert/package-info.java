/**
 * Internal to Braid (not exported). Upserts of entities and idempotent many-to-many links: what a request
 * may ask (checked before anything is sent), the statements per chunk of rows (written by the dialect's
 * {@link dev.braid.dialect.Upserts}), the read of rows an insert-or-ignore left alone, and how the rows
 * become the session's objects.
 */
@NullMarked
package dev.braid.core.internal.plan.upsert;

import org.jspecify.annotations.NullMarked;
