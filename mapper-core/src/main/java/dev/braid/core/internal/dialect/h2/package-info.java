/**
 * Internal to Braid (not exported). The H2 2.x dialect: FINAL/OLD TABLE returning, VALUES and MERGE batches, TABLE(k) key joins, H2 error texts.
 */
@NullMarked
package dev.braid.core.internal.dialect.h2;

import org.jspecify.annotations.NullMarked;
