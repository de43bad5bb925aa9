package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.List;

/**
 * A typed filter over attributes. Values are always bound as parameters, never rendered into SQL.
 * Build them from generated attribute references: {@code Author_.name.eq("Austen").and(Author_.id.gt(10L))}.
 *
 * <p>{@code Predicate::and} and {@code Predicate::or} are binary operators, so a list of filters folds
 * with {@code filters.stream().reduce(Predicate.and(), Predicate::and)}: {@link #and()} with no operands
 * matches every row (SQL {@code 1 = 1}), {@link #or()} with none matches no row ({@code 1 = 0}).
 *
 * <p>A predicate can also be selected by a projection, as a {@code Boolean} column (true when it holds,
 * false otherwise, never null): {@code session.select(Article_.title, Article_.tags.any(Tag_.name.eq("java")))}.
 */
public sealed interface Predicate extends Selection<Boolean>
        permits Predicate.Compare, Predicate.In, Predicate.IsNull, Predicate.Like,
                Predicate.And, Predicate.Or, Predicate.Not, Predicate.Exists,
                Predicate.Comparison, Predicate.NullTest, Predicate.InQuery, Predicate.ExistsQuery,
                Predicate.ArrayHas {

    /** A comparison operator. */
    enum Op {
        /** Equal: {@code =}. */
        EQ("="),
        /** Not equal: {@code <>}. */
        NE("<>"),
        /** Less than: {@code <}. */
        LT("<"),
        /** Less than or equal: {@code <=}. */
        LE("<="),
        /** Greater than: {@code >}. */
        GT(">"),
        /** Greater than or equal: {@code >=}. */
        GE(">=");

        private final String sql;

        Op(String sql) { this.sql = sql; }

        /**
         * The operator as SQL writes it.
         *
         * @return the operator's SQL text
         */
        public String sql() { return sql; }
    }

    /**
     * {@code attribute op value}, what the attribute methods build; {@code EQ}/{@code NE} with null become
     * {@code IS NULL}/{@code IS NOT NULL}.
     *
     * @param attribute the attribute compared
     * @param op        the operator
     * @param value     the value (bound as a parameter), or null for {@code EQ} and {@code NE}
     * @return the predicate
     * @throws MapperException {@code BRAID_QUERY} for an ordering comparison with null
     */
    static Predicate compare(Attribute<?, ?> attribute, Op op, @Nullable Object value) {
        if (value == null) {
            if (op == Op.EQ) return new IsNull(attribute, false);
            if (op == Op.NE) return new IsNull(attribute, true);
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_QUERY, "Cannot compare " + attribute + " " + op.sql()
                    + " NULL: SQL comparisons with NULL are never true. Use isNull()/isNotNull().");
        }
        return new Compare(attribute, op, value);
    }

    /**
     * The conjunction of no operands: matches every row (SQL {@code 1 = 1}). The identity of
     * {@code Predicate::and}: {@code filters.stream().reduce(Predicate.and(), Predicate::and)} is every filter
     * AND-ed, and every row when there is none.
     *
     * @return the empty conjunction
     */
    static Predicate and() { return new And(List.of()); }

    /**
     * All of {@code predicates} (combine two with {@code a.and(b)}); an empty collection matches every row.
     *
     * @param predicates the conjuncts, copied
     * @return the conjunction
     * @throws MapperException {@code BRAID_ARGUMENT} when the collection or one of its elements is null
     */
    static Predicate and(java.util.Collection<? extends Predicate> predicates) { return new And(operands(predicates)); }

    /**
     * The disjunction of no operands: matches no row (SQL {@code 1 = 0}). The identity of
     * {@code Predicate::or}: {@code filters.stream().reduce(Predicate.or(), Predicate::or)}.
     *
     * @return the empty disjunction
     */
    static Predicate or() { return new Or(List.of()); }

    /**
     * Any of {@code predicates} (combine two with {@code a.or(b)}); an empty collection matches no row.
     *
     * @param predicates the disjuncts, copied
     * @return the disjunction
     * @throws MapperException {@code BRAID_ARGUMENT} when the collection or one of its elements is null
     */
    static Predicate or(java.util.Collection<? extends Predicate> predicates) { return new Or(operands(predicates)); }

    private static List<Predicate> operands(java.util.Collection<? extends Predicate> predicates) {
        Require.nonNull(predicates, "predicates");
        for (Predicate p : predicates) Require.nonNull(p, "a predicate in the collection");
        return List.copyOf(predicates);
    }

    /**
     * The negation of {@code predicate}, with SQL's three-valued logic ({@code NOT (x = 1)} does not match
     * a NULL {@code x}).
     *
     * @param predicate the predicate to negate
     * @return the negation
     */
    static Predicate not(Predicate predicate) { return new Not(predicate); }

    /**
     * This predicate and {@code other}; as a method reference ({@code Predicate::and}) a
     * {@code BinaryOperator<Predicate>}.
     *
     * @param other the other conjunct
     * @return the conjunction
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code other} is null
     */
    default Predicate and(Predicate other) {
        Require.nonNull(other, "other");
        // The empty conjunction is the identity: Predicate.and().and(p) is p, so a reduce adds no "1 = 1".
        if (this instanceof And empty && empty.operands().isEmpty()) return other;
        if (other instanceof And empty && empty.operands().isEmpty()) return this;
        return new And(List.of(this, other));
    }

    /**
     * This predicate or {@code other}; as a method reference ({@code Predicate::or}) a
     * {@code BinaryOperator<Predicate>}.
     *
     * @param other the other disjunct
     * @return the disjunction
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code other} is null
     */
    default Predicate or(Predicate other) {
        Require.nonNull(other, "other");
        // The empty disjunction is the identity: Predicate.or().or(p) is p.
        if (this instanceof Or empty && empty.operands().isEmpty()) return other;
        if (other instanceof Or empty && empty.operands().isEmpty()) return this;
        return new Or(List.of(this, other));
    }

    /**
     * The negation of this predicate: {@code Predicate.not(this)}.
     *
     * @return the negation
     */
    default Predicate negate() { return new Not(this); }

    /**
     * {@code attribute op value}, value bound as a parameter.
     *
     * @param attribute the attribute compared
     * @param op        the operator
     * @param value     the value, never null (null comparisons are {@link IsNull})
     */
    record Compare(Attribute<?, ?> attribute, Op op, Object value) implements Predicate {
        /**
         * Checks the parts.
         *
         * @param attribute the attribute compared
         * @param op        the operator
         * @param value     the value
         * @throws MapperException {@code BRAID_ARGUMENT} when any part is null
         */
        public Compare {
            Require.nonNull(attribute, "attribute");
            Require.nonNull(op, "op");
            Require.nonNull(value, "value");
        }
    }

    /**
     * {@code attribute IN (values)}; an empty list matches nothing. Null elements are rejected with a
     * {@code BRAID_QUERY} error naming the attribute: NULL never matches IN.
     *
     * @param attribute the attribute matched
     * @param values    the values, copied
     */
    record In(Attribute<?, ?> attribute, List<?> values) implements Predicate {
        /**
         * Checks and copies the values.
         *
         * @param attribute the attribute matched
         * @param values    the values
         * @throws MapperException {@code BRAID_QUERY} when {@code values} or one of its elements is null
         */
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

    /**
     * {@code attribute IS NULL}, or {@code IS NOT NULL} when negated.
     *
     * @param attribute the attribute tested
     * @param negated   true for {@code IS NOT NULL}
     */
    record IsNull(Attribute<?, ?> attribute, boolean negated) implements Predicate {
        /**
         * Checks the attribute.
         *
         * @param attribute the attribute tested
         * @param negated   true for {@code IS NOT NULL}
         * @throws MapperException {@code BRAID_ARGUMENT} when {@code attribute} is null
         */
        public IsNull { Require.nonNull(attribute, "attribute"); }
    }

    /**
     * {@code attribute LIKE pattern ESCAPE '\'}.
     *
     * @param attribute the string attribute matched
     * @param pattern   the pattern, bound as a parameter
     */
    record Like(Attribute<?, ?> attribute, String pattern) implements Predicate {
        /**
         * Checks the parts.
         *
         * @param attribute the string attribute matched
         * @param pattern   the pattern
         * @throws MapperException {@code BRAID_ARGUMENT} when either is null
         */
        public Like {
            Require.nonNull(attribute, "attribute");
            Require.nonNull(pattern, "pattern");
        }
    }

    /**
     * An array attribute holding every one of {@code elements} ({@code all}), or at least one of them.
     *
     * @param attribute the array attribute
     * @param elements  the elements, copied
     * @param all       true for {@code contains}, false for {@code overlaps}
     */
    record ArrayHas(Attribute<?, ?> attribute, List<?> elements, boolean all) implements Predicate {
        /**
         * Checks the parts and copies the elements.
         *
         * @param attribute the array attribute
         * @param elements  the elements
         * @param all       true for {@code contains}, false for {@code overlaps}
         * @throws MapperException {@code BRAID_ARGUMENT} when the attribute, the elements or one element is null
         */
        public ArrayHas {
            Require.nonNull(attribute, "attribute");
            Require.nonNull(elements, "elements");
            for (Object e : elements) {
                if (e == null) {
                    throw new MapperException(ErrorCode.BRAID_ARGUMENT, attribute + (all ? ".contains" : ".overlaps")
                            + " was given a null element. Fix: pass only non-null elements");
                }
            }
            elements = List.copyOf(elements);
        }
    }

    /**
     * All of {@code operands}.
     *
     * @param operands the conjuncts, copied
     */
    record And(List<Predicate> operands) implements Predicate {
        /**
         * Copies the operands.
         *
         * @param operands the conjuncts (no null element)
         */
        public And { operands = List.copyOf(operands); }
    }

    /**
     * Any of {@code operands}.
     *
     * @param operands the disjuncts, copied
     */
    record Or(List<Predicate> operands) implements Predicate {
        /**
         * Copies the operands.
         *
         * @param operands the disjuncts (no null element)
         */
        public Or { operands = List.copyOf(operands); }
    }

    /**
     * Related rows exist (SQL {@code EXISTS}), matching {@code condition} on the target when it is not null.
     *
     * @param relation  the relationship followed from the filtered entity
     * @param condition the filter on the related rows, or null for any related row
     */
    record Exists(Relation<?, ?> relation, @Nullable Predicate condition) implements Predicate {
        /**
         * Checks the relationship.
         *
         * @param relation  the relationship followed
         * @param condition the filter on the related rows, or null
         * @throws MapperException {@code BRAID_ARGUMENT} when {@code relation} is null
         */
        public Exists { Require.nonNull(relation, "relation"); }
    }

    /**
     * The negation of {@code operand}.
     *
     * @param operand the negated predicate
     */
    record Not(Predicate operand) implements Predicate {
        /**
         * Checks the operand.
         *
         * @param operand the negated predicate
         * @throws MapperException {@code BRAID_ARGUMENT} when {@code operand} is null
         */
        public Not { Require.nonNull(operand, "operand"); }
    }

    /**
     * {@code left op right} over two expressions: an aggregate and a bound {@link Value}
     * ({@code count().gt(1L)}), or two columns ({@code Favorite_.articleId.eqTo(Article_.id)}), or a column
     * and a {@link ScalarSubquery}.
     *
     * @param left  the left operand
     * @param op    the operator
     * @param right the right operand
     */
    record Comparison(Expression<?> left, Op op, Expression<?> right) implements Predicate {
        /**
         * Checks the parts.
         *
         * @param left  the left operand
         * @param op    the operator
         * @param right the right operand
         * @throws MapperException {@code BRAID_ARGUMENT} when any part is null
         */
        public Comparison {
            Require.nonNull(left, "left");
            Require.nonNull(op, "op");
            Require.nonNull(right, "right");
        }

        /** {@code count() > ?}, as errors name it (values never shown). */
        @Override
        public String toString() { return left + " " + op.sql() + " " + right; }
    }

    /**
     * {@code expression IS NULL}, or {@code IS NOT NULL} when negated, for any expression (attributes use {@link IsNull}).
     *
     * @param expression the expression tested
     * @param negated    true for {@code IS NOT NULL}
     */
    record NullTest(Expression<?> expression, boolean negated) implements Predicate {
        /**
         * Checks the expression.
         *
         * @param expression the expression tested
         * @param negated    true for {@code IS NOT NULL}
         * @throws MapperException {@code BRAID_ARGUMENT} when {@code expression} is null
         */
        public NullTest { Require.nonNull(expression, "expression"); }

        /** {@code max(Book.pages) IS NULL}. */
        @Override
        public String toString() { return expression + (negated ? " IS NOT NULL" : " IS NULL"); }
    }

    /**
     * {@code expression IN (subquery)}; the subquery selects one column.
     *
     * @param expression the expression matched
     * @param subquery   the single-column subquery; it may refer to the outer query's entities (correlation)
     */
    record InQuery(Expression<?> expression, ProjectionQuery<?> subquery) implements Predicate {
        /**
         * Checks the parts.
         *
         * @param expression the expression matched
         * @param subquery   the subquery
         * @throws MapperException {@code BRAID_ARGUMENT} when either is null
         */
        public InQuery {
            Require.nonNull(expression, "expression");
            Require.nonNull(subquery, "subquery");
        }

        /** {@code Article.id IN (select ...)}. */
        @Override
        public String toString() { return expression + " IN (" + subquery + ")"; }
    }

    /**
     * {@code EXISTS (subquery)}: built with {@link Functions#exists}. The subquery may refer to the outer
     * query's entities (a correlated subquery).
     *
     * @param subquery the subquery
     */
    record ExistsQuery(ProjectionQuery<?> subquery) implements Predicate {
        /**
         * Checks the subquery.
         *
         * @param subquery the subquery
         * @throws MapperException {@code BRAID_ARGUMENT} when it is null
         */
        public ExistsQuery { Require.nonNull(subquery, "subquery"); }

        /** {@code EXISTS (select ...)}. */
        @Override
        public String toString() { return "EXISTS (" + subquery + ")"; }
    }
}
