/**
 * Internal to Braid (not exported). Raw SQL on a session: the tokenizer that finds {@code :name} and
 * {@code ?} parameters outside literals, identifiers and comments, the bound statement rendered with the
 * dialect's markers, and how result columns become entities, records or single values.
 */
@NullMarked
package dev.braid.core.internal.plan.raw;

import org.jspecify.annotations.NullMarked;
