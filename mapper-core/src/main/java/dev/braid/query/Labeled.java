package dev.braid.query;

import dev.braid.core.internal.util.Require;

/**
 * An expression under a name ({@link Expression#as}): {@code count().as("favorites")}. The name is the
 * record component {@code into(...)} maps the value to, the column's name in a {@link CommonTable}, and
 * the {@code AS} name in SQL.
 *
 * @param expression the named expression
 * @param label      the name: a plain identifier
 * @param <V>        the value type
 */
public record Labeled<V>(Expression<V> expression, String label) implements ComparableExpression<V> {
    /**
     * Checks the name.
     *
     * @param expression the named expression
     * @param label      the name
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either is null, the expression is
     *         already labeled, or the label is not a plain identifier
     */
    public Labeled {
        Require.nonNull(expression, "expression");
        Require.nonNull(label, "label");
        Require.argument(label.matches("[A-Za-z_][A-Za-z0-9_]*"), "as(\"" + label + "\"): a label is a plain"
                + " identifier (letters, digits and underscores, not starting with a digit). Fix: rename it");
        Require.argument(!(expression instanceof Labeled<?>), "as(\"" + label + "\") on " + expression
                + ", which is labeled already. Fix: label it once");
    }

    @Override
    public Class<V> valueType() { return expression.valueType(); }

    /** {@code expression AS label}. */
    @Override
    public String toString() { return expression + " AS " + label; }
}
