package dev.braid.core.internal.sql;

import dev.braid.core.internal.util.Require;

public record OrderTerm(SqlExpression expression, boolean descending) {
    public OrderTerm { Require.nonNull(expression, "expression"); }
}
