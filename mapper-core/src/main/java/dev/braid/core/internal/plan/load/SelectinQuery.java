package dev.braid.core.internal.plan.load;

import dev.braid.statement.RenderedSql;

/**
 * One chunk of a selectin load: the statement, where each row's target entity columns start, and
 * which column holds the parent key the row belongs to (and its driver class).
 * {@code keyIsTargetColumn}: that column is one of the target entity's own (the foreign key of a
 * one-to-many, the key of a many-to-one), so the hydrated object already holds the value.
 */
public record SelectinQuery(RenderedSql sql, int targetOffset, int keyIndex, Class<?> keyType, boolean keyIsTargetColumn) {}
