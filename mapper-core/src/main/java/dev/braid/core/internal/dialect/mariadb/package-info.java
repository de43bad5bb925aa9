/**
 * Internal to Braid (not exported). The MariaDB 10.11 dialect: backtick quoting, {@code ?} markers, AUTO_INCREMENT keys
 * returned by INSERT ... RETURNING, multi-row VALUES batches, IN lists, ON DUPLICATE KEY UPDATE / INSERT IGNORE
 * upserts, native ENUM and JSON columns, MariaDB error codes.
 */
@NullMarked
package dev.braid.core.internal.dialect.mariadb;

import org.jspecify.annotations.NullMarked;
