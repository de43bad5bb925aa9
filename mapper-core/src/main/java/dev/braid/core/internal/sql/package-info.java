/**
 * Internal to Braid (not exported). The SQL model (statements, expressions, binds) and its renderers, one per statement family; vendor text comes from the dialect.
 */
@NullMarked
package dev.braid.core.internal.sql;

import org.jspecify.annotations.NullMarked;
