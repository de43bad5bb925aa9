package dev.braid.core.sql;

import dev.braid.core.error.Require;

public record OrderTerm(SqlExpression expression, boolean descending) {
    public OrderTerm { Require.nonNull(expression, "expression"); }
}
