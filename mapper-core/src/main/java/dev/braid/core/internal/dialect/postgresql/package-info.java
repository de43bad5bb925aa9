/**
 * Internal to Braid (not exported). The PostgreSQL dialect: RETURNING, keys allocated ahead from the identity sequence, unnest array batches, = ANY binds, cursors, SQLSTATE classes.
 */
@NullMarked
package dev.braid.core.internal.dialect.postgresql;

import org.jspecify.annotations.NullMarked;
