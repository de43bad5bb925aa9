package dev.braid.query;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.List;

/**
 * A typed filter over attributes. Values are always bound as parameters, never rendered into SQL.
 * Build them from generated attribute references: {@code Author_.name.eq("Austen").and(Author_.id.gt(10L))}.
 */
public sealed interface Predicate
        permits Predicate.Compare, Predicate.In, Predicate.IsNull, Predicate.Like,
                Predicate.And, Predicate.Or, Predicate.Not, Predicate.Exists {

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String sql;

        Op(String sql) { this.sql = sql; }

        public String sql() { return sql; }
    }

    static Predicate compare(Attribute<?, ?> attribute, Op op, Object value) {
        if (value == null) {
            if (op == Op.EQ) return new IsNull(attribute, false);
            if (op == Op.NE) return new IsNull(attribute, true);
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_QUERY, "Cannot compare " + attribute + " " + op.sql()
                    + " NULL: SQL comparisons with NULL are never true. Use isNull()/isNotNull().");
        }
        return new Compare(attribute, op, value);
    }

    static Predicate and(Predicate... predicates) { return new And(List.of(predicates)); }

    static Predicate or(Predicate... predicates) { return new Or(List.of(predicates)); }

    static Predicate not(Predicate predicate) { return new Not(predicate); }

    default Predicate and(Predicate other) { return new And(List.of(this, other)); }

    default Predicate or(Predicate other) { return new Or(List.of(this, other)); }

    default Predicate negate() { return new Not(this); }

    record Compare(Attribute<?, ?> attribute, Op op, Object value) implements Predicate {
        public Compare {
            Require.nonNull(attribute, "attribute");
            Require.nonNull(op, "op");
            Require.nonNull(value, "value");
        }
    }

    /**
     * {@code attribute IN (values)}; an empty list matches nothing. Null elements are rejected with a
     * {@code BRAID_QUERY} error naming the attribute: NULL never matches IN.
     */
    record In(Attribute<?, ?> attribute, List<?> values) implements Predicate {
        public In {
            Require.nonNull(attribute, "attribute");
            if (values == null) {
                throw new MapperException(ErrorCode.BRAID_QUERY, attribute + ".in(...) was given a null collection."
                        + " Fix: pass the values (an empty collection matches nothing)");
            }
            int position = 0;
            for (Object value : values) {
                if (value == null) throw nullElement(attribute, position, values.size());
                position++;
            }
            values = List.copyOf(values);
        }

        private static MapperException nullElement(Attribute<?, ?> attribute, int position, int size) {
            return new MapperException(ErrorCode.BRAID_QUERY, attribute + ".in(...) was given a null value (element "
                    + position + " of " + size + "), and SQL's IN never matches NULL. Ids of objects that were added"
                    + " but not flushed yet are null. Fix: filter the nulls out (or flush first), and use "
                    + attribute + ".isNull() to match rows without a value");
        }
    }

    record IsNull(Attribute<?, ?> attribute, boolean negated) implements Predicate {
        public IsNull { Require.nonNull(attribute, "attribute"); }
    }

    /** {@code attribute LIKE pattern ESCAPE '\'}. */
    record Like(Attribute<?, ?> attribute, String pattern) implements Predicate {
        public Like {
            Require.nonNull(attribute, "attribute");
            Require.nonNull(pattern, "pattern");
        }
    }

    record And(List<Predicate> operands) implements Predicate {
        public And { operands = List.copyOf(operands); }
    }

    record Or(List<Predicate> operands) implements Predicate {
        public Or { operands = List.copyOf(operands); }
    }

    /** Related rows exist (matching {@code condition} on the target, when not null). */
    record Exists(Relation<?, ?> relation, Predicate condition) implements Predicate {
        public Exists { Require.nonNull(relation, "relation"); }
    }

    record Not(Predicate operand) implements Predicate {
        public Not { Require.nonNull(operand, "operand"); }
    }
}
