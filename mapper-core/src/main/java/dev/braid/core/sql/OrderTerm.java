package dev.braid.core.sql;

import java.util.Objects;

public record OrderTerm(SqlExpression expression, boolean descending) {
    public OrderTerm { Objects.requireNonNull(expression, "expression"); }
}
