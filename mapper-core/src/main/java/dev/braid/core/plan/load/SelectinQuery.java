package dev.braid.core.plan.load;

import dev.braid.core.sql.RenderedSql;

/**
 * One chunk of a selectin load: the statement, where each row's target entity columns start, and
 * which column holds the parent key the row belongs to (and its driver class).
 */
public record SelectinQuery(RenderedSql sql, int targetOffset, int keyIndex, Class<?> keyType) {}
