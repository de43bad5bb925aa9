package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.query.Attribute;
import dev.braid.query.Predicate;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates typed predicates into SQL expressions with bound, converted values. Knows which alias
 * each entity of the statement has (the queried entity and the joined ones); {@code any}/{@code has}
 * become correlated EXISTS subqueries, and comparisons of expressions, {@code IN} and {@code EXISTS}
 * subqueries go through the {@link ExpressionTranslator} of the same level.
 */
final class PredicateTranslator {
    private final ExpressionTranslator expressions;
    private final Clause clause;

    /** For an entity query's filter and order: no common tables, no aggregates. */
    PredicateTranslator(MappingRegistry registry, Class<?> rootType, Map<Class<?>, String> qualifiers, Aliases aliases) {
        this(new ExpressionTranslator(StatementContext.of(registry), qualifiers, Set.of(), aliases,
                rootType.getSimpleName()), Clause.WHERE);
    }

    PredicateTranslator(ExpressionTranslator expressions, Clause clause) {
        this.expressions = expressions;
        this.clause = clause;
    }

    ExpressionTranslator expressions() {
        return expressions;
    }

    SqlExpression translate(Predicate predicate) {
        if (predicate instanceof Predicate.Compare c) {
            ColumnMapping column = column(c.attribute());
            return new SqlExpression.Comparison(columnRef(c.attribute(), column), c.op().sql(), parameter(column, c.value()));
        }
        if (predicate instanceof Predicate.In in) {
            ColumnMapping column = column(in.attribute());
            List<Object> values = new ArrayList<>(in.values().size());
            for (Object v : in.values()) {
                values.add(databaseValue(column, v));
            }
            return new SqlExpression.InList(columnRef(in.attribute(), column), values, column.type().databaseClass(),
                    column.type().sqlType());
        }
        if (predicate instanceof Predicate.IsNull n) {
            return new SqlExpression.NullCheck(columnRef(n.attribute(), column(n.attribute())), n.negated());
        }
        if (predicate instanceof Predicate.Like like) {
            ColumnMapping column = column(like.attribute());
            return new SqlExpression.Like(columnRef(like.attribute(), column),
                    new SqlExpression.Parameter(like.pattern(), String.class), dev.braid.query.LikePattern.ESCAPE);
        }
        if (predicate instanceof Predicate.ArrayHas has) {
            return ArrayPredicates.translate(has, column(has.attribute()), columnRef(has.attribute(), column(has.attribute())));
        }
        if (predicate instanceof Predicate.And and) {
            return new SqlExpression.Junction(true, and.operands().stream().map(this::translate).toList());
        }
        if (predicate instanceof Predicate.Or or) {
            return new SqlExpression.Junction(false, or.operands().stream().map(this::translate).toList());
        }
        if (predicate instanceof Predicate.Not not) {
            return new SqlExpression.Negation(translate(not.operand()));
        }
        if (predicate instanceof Predicate.Exists exists) {
            return exists(exists);
        }
        if (predicate instanceof Predicate.Comparison c) {
            return expressions.comparison(c, clause);
        }
        if (predicate instanceof Predicate.NullTest n) {
            return new SqlExpression.NullCheck(expressions.translate(n.expression(), clause).sql(), n.negated());
        }
        if (predicate instanceof Predicate.InQuery in) {
            return expressions.inSubquery(in, clause);
        }
        if (predicate instanceof Predicate.ExistsQuery exists) {
            return expressions.exists(exists);
        }
        throw dev.braid.core.internal.util.Require.bug("Unknown predicate " + predicate);
    }

    /** {@code EXISTS (SELECT 1 FROM target t WHERE t.fk = owner.id AND condition)}. */
    private SqlExpression exists(Predicate.Exists exists) {
        MappingRegistry registry = expressions.context().registry();
        Aliases aliases = expressions.aliases();
        EntityMapping owner = registry.entity(exists.relation().ownerType());
        String ownerAlias = expressions.qualifierOf(owner.type(), exists.relation());
        RelationshipMapping r = owner.requireRelationship(exists.relation().name());
        String targetAlias = aliases.next(r.target().table());
        List<SqlExpression> conditions = new ArrayList<>();
        TableRef from;
        List<SqlStatement.Join> joins = new ArrayList<>();
        if (r.link() != null) {
            String link = aliases.next(r.link().table());
            from = new TableRef(r.link().table(), RelationJoins.alias(r.link().table(), link));
            joins.add(new SqlStatement.Join(new TableRef(r.target().table(), RelationJoins.alias(r.target().table(), targetAlias)),
                    RelationJoins.eq(targetAlias, r.remoteColumn().column(), link, r.link().targetColumn()), false));
            conditions.add(RelationJoins.eq(link, r.link().ownerColumn(), ownerAlias, r.localColumn().column()));
        } else {
            from = new TableRef(r.target().table(), RelationJoins.alias(r.target().table(), targetAlias));
            conditions.add(RelationJoins.eq(targetAlias, r.remoteColumn().column(), ownerAlias, r.localColumn().column()));
            conditions.addAll(RelationConditions.extraPairs(r, targetAlias, ownerAlias));
            conditions.addAll(RelationConditions.onTarget(r, targetAlias));
        }
        if (exists.condition() != null) {
            // Inside the subquery the target's attributes mean this row; aggregates stay refused (per row).
            ExpressionTranslator inner = expressions.nested(Map.of(r.target().type(), targetAlias), Set.of());
            Clause innerClause = clause.aggregates ? Clause.WHERE : clause;
            conditions.add(new PredicateTranslator(inner, innerClause).translate(exists.condition()));
        }
        return new SqlExpression.Exists(new SqlStatement.Select(List.of(new SqlExpression.One()), from, joins,
                new SqlExpression.Junction(true, conditions), List.of(), null, null));
    }

    SqlExpression.Column columnRef(Attribute<?, ?> attribute, ColumnMapping column) {
        return expressions.columnRef(attribute, column);
    }

    ColumnMapping column(Attribute<?, ?> attribute) {
        return expressions.column(attribute);
    }

    private SqlExpression.Parameter parameter(ColumnMapping column, Object value) {
        return new SqlExpression.Parameter(databaseValue(column, value), column.type().databaseClass(), column.type().sqlType());
    }

    private static Object databaseValue(ColumnMapping column, Object value) {
        Class<?> expected = Boxing.boxed(column.type().javaClass());
        if (!expected.isInstance(value)) {
            throw new MapperException(ErrorCode.BRAID_QUERY, column.qualifiedName() + " is " + expected.getSimpleName()
                    + " but the query compares it with " + value.getClass().getSimpleName() + " " + value
                    + ". Fix: pass a " + expected.getSimpleName());
        }
        return column.type().toDatabase(value);
    }
}
