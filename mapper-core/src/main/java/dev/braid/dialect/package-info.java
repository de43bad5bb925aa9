/**
 * The dialect SPI: what differs between databases, as capability objects (paging, returning clauses, key allocation, batched writes, IN lists, cursors, DDL guards, transaction statements, error classification). Built-in dialects are found with {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.braid.dialect;

import org.jspecify.annotations.NullMarked;
