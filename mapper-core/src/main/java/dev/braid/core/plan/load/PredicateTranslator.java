package dev.braid.core.plan.load;

import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import dev.braid.core.meta.Boxing;
import dev.braid.core.meta.ColumnMapping;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.query.Attribute;
import dev.braid.core.query.Predicate;
import dev.braid.core.sql.SqlExpression;

import java.util.ArrayList;
import java.util.List;

/** Translates typed predicates on one entity into SQL expressions with bound, converted values. */
final class PredicateTranslator {
    private final EntityMapping entity;
    private final String qualifier;

    PredicateTranslator(EntityMapping entity, String qualifier) {
        this.entity = entity;
        this.qualifier = qualifier;
    }

    SqlExpression translate(Predicate predicate) {
        if (predicate instanceof Predicate.Compare c) {
            ColumnMapping column = column(c.attribute());
            return new SqlExpression.Comparison(columnRef(column), c.op().sql(), parameter(column, c.value()));
        }
        if (predicate instanceof Predicate.In in) {
            ColumnMapping column = column(in.attribute());
            List<Object> values = new ArrayList<>(in.values().size());
            for (Object v : in.values()) {
                values.add(databaseValue(column, v));
            }
            return new SqlExpression.InList(columnRef(column), values, column.type().databaseClass());
        }
        if (predicate instanceof Predicate.IsNull n) {
            return new SqlExpression.NullCheck(columnRef(column(n.attribute())), n.negated());
        }
        if (predicate instanceof Predicate.Like like) {
            ColumnMapping column = column(like.attribute());
            return new SqlExpression.Like(columnRef(column), new SqlExpression.Parameter(like.pattern(), String.class));
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
        throw new IllegalArgumentException("Unknown predicate " + predicate);
    }

    SqlExpression.Column columnRef(ColumnMapping column) {
        return new SqlExpression.Column(qualifier, column.column());
    }

    ColumnMapping column(Attribute<?, ?> attribute) {
        if (!attribute.entityType().equals(entity.type())) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "The query selects " + entity.name()
                    + " but filters or orders on " + attribute + ". Fix: use attributes of " + entity.name());
        }
        return entity.requireAttribute(attribute.name());
    }

    private SqlExpression.Parameter parameter(ColumnMapping column, Object value) {
        return new SqlExpression.Parameter(databaseValue(column, value), column.type().databaseClass());
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
