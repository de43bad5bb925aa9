package dev.braid.core.internal.sql;

import dev.braid.core.internal.util.Require;
import java.util.List;

/** Immutable SQL expressions. Values only ever appear as {@link Parameter}s; identifiers come from the mapping. */
public sealed interface SqlExpression {

    /** {@code qualifier.name}; the qualifier is a table name or alias, or null. */
    record Column(String qualifier, String name) implements SqlExpression {
        public Column { Require.nonNull(name, "name"); }
    }

    /**
     * A bound value; {@code type} is the driver class, used for NULLs and array element types; {@code sqlType}
     * the JSON, array or enum column type the marker is cast to (the dialect's way), or null.
     */
    record Parameter(Object value, Class<?> type, dev.braid.dialect.SqlType sqlType) implements SqlExpression {
        public Parameter { Require.nonNull(type, "type"); }

        /** A value bound as it is (no cast). */
        public Parameter(Object value, Class<?> type) {
            this(value, type, null);
        }

        /** One array parameter holding {@code values} (driver values of {@code elementType}), in order. */
        public static Parameter array(Class<?> elementType, List<?> values) {
            return of(values.toArray(newArray(elementType, values.size())));
        }

        /**
         * A new array for driver values of {@code elementType}, to fill with plain stores. Driver classes
         * are never primitive, so every array parameter is an {@code Object[]} (the renderer relies on
         * it), and no element goes through {@code java.lang.reflect.Array.set}, a native call.
         */
        public static Object[] newArray(Class<?> elementType, int length) {
            if (elementType.isPrimitive()) {
                throw dev.braid.core.internal.util.Require.bug("Driver values are objects, not " + elementType);
            }
            return (Object[]) java.lang.reflect.Array.newInstance(elementType, length);
        }

        /** One array parameter (from {@link #newArray}). */
        public static Parameter of(Object[] array) {
            return new Parameter(array, array.getClass());
        }
    }

    record Comparison(SqlExpression left, String operator, SqlExpression right) implements SqlExpression {
        public Comparison {
            Require.nonNull(left, "left");
            Require.nonNull(right, "right");
            if (!List.of("=", "<>", "<", "<=", ">", ">=").contains(operator)) {
                throw dev.braid.core.internal.util.Require.bug("Unknown comparison operator " + operator);
            }
        }
    }

    /**
     * {@code operand IN (values)}. Dialects with array binds render {@code operand = ANY($1)} with one
     * array parameter of {@code elementType}; others render one marker per value.
     */
    record InList(SqlExpression operand, List<Object> values, Class<?> elementType, dev.braid.dialect.SqlType sqlType)
            implements SqlExpression {
        public InList {
            Require.nonNull(operand, "operand");
            Require.nonNull(elementType, "elementType");
            values = List.copyOf(values);
        }

        /** A list of values bound as they are. */
        public InList(SqlExpression operand, List<Object> values, Class<?> elementType) {
            this(operand, values, elementType, null);
        }
    }

    /** An array column holding every one ({@code CONTAINS_ALL}) or any ({@code OVERLAPS}) of {@code elements}. */
    record ArrayMatch(SqlExpression operand, dev.braid.dialect.TypeSupport.ArrayMatch match, Object[] elements,
                      dev.braid.dialect.SqlType.ArrayOf type) implements SqlExpression {
        public ArrayMatch {
            Require.nonNull(operand, "operand");
            Require.nonNull(match, "match");
            Require.nonNull(elements, "elements");
            Require.nonNull(type, "type");
        }
    }

    record NullCheck(SqlExpression operand, boolean negated) implements SqlExpression {
        public NullCheck { Require.nonNull(operand, "operand"); }
    }

    /** {@code operand LIKE pattern ESCAPE 'escape'} (the query layer decides the escape character). */
    record Like(SqlExpression operand, Parameter pattern, char escape) implements SqlExpression {
        public Like {
            Require.nonNull(operand, "operand");
            Require.nonNull(pattern, "pattern");
        }
    }

    record Junction(boolean conjunction, List<SqlExpression> operands) implements SqlExpression {
        public Junction { operands = List.copyOf(operands); }
    }

    record Negation(SqlExpression operand) implements SqlExpression {
        public Negation { Require.nonNull(operand, "operand"); }
    }

    /** {@code EXISTS (subquery)}. */
    record Exists(SqlStatement.Select subquery) implements SqlExpression {
        public Exists { Require.nonNull(subquery, "subquery"); }
    }

    /** {@code left + right}: a counter's increment in a bulk update. */
    record Plus(SqlExpression left, SqlExpression right) implements SqlExpression {
        public Plus {
            Require.nonNull(left, "left");
            Require.nonNull(right, "right");
        }
    }

    /** {@code COUNT(*)}. */
    record CountAll() implements SqlExpression {}

    /** The constant {@code 1}, for EXISTS-style probes. */
    record One() implements SqlExpression {}

    /** {@code FUNCTION(argument)}, {@code COUNT(DISTINCT argument)}, or {@code COUNT(*)} when {@code argument} is null. */
    record Aggregate(String function, SqlExpression argument, boolean distinct) implements SqlExpression {
        public Aggregate { Require.nonNull(function, "function"); }
    }

    /** {@code NAME(argument, ...)}: a standard SQL function such as {@code COALESCE}. */
    record Call(String name, List<SqlExpression> arguments) implements SqlExpression {
        public Call {
            Require.nonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code (query)}: a scalar subquery. */
    record Subquery(SqlStatement query) implements SqlExpression {
        public Subquery { Require.nonNull(query, "query"); }
    }

    /** {@code operand IN (query)}. */
    record InSubquery(SqlExpression operand, SqlStatement query) implements SqlExpression {
        public InSubquery {
            Require.nonNull(operand, "operand");
            Require.nonNull(query, "query");
        }
    }

    /** {@code EXISTS (query)} over any query statement (a projection, a set operation). */
    record ExistsQuery(SqlStatement query) implements SqlExpression {
        public ExistsQuery { Require.nonNull(query, "query"); }
    }

    /** {@code expression AS alias}, in a select list. */
    record Aliased(SqlExpression expression, String alias) implements SqlExpression {
        public Aliased {
            Require.nonNull(expression, "expression");
            Require.nonNull(alias, "alias");
        }
    }

    /** A condition as a boolean value, true when it holds and false otherwise (the dialect's {@code CASE WHEN}). */
    record Condition(SqlExpression condition) implements SqlExpression {
        public Condition { Require.nonNull(condition, "condition"); }
    }

    /** {@code NULL}: the place of a column read by a later statement (a joined-table subclass column). */
    record NullValue() implements SqlExpression {}

    /** An integer constant of Braid's own (a recursion level), never a user's value: those are {@link Parameter}s. */
    record Constant(int value) implements SqlExpression {}

    /** {@code operand + 1}. */
    record Increment(SqlExpression operand) implements SqlExpression {
        public Increment { Require.nonNull(operand, "operand"); }
    }
}
