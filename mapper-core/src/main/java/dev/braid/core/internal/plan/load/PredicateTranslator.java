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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates typed predicates into SQL expressions with bound, converted values. Knows which alias
 * each entity of the statement has (the queried entity and the joined ones); {@code any}/{@code has}
 * become correlated EXISTS subqueries.
 */
final class PredicateTranslator {
    private final MappingRegistry registry;
    private final Map<Class<?>, String> qualifiers;
    private final Class<?> rootType;
    private final Aliases aliases;

    PredicateTranslator(MappingRegistry registry, Class<?> rootType, Map<Class<?>, String> qualifiers, Aliases aliases) {
        this.registry = registry;
        this.rootType = rootType;
        this.qualifiers = qualifiers;
        this.aliases = aliases;
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
            return new SqlExpression.InList(columnRef(in.attribute(), column), values, column.type().databaseClass());
        }
        if (predicate instanceof Predicate.IsNull n) {
            return new SqlExpression.NullCheck(columnRef(n.attribute(), column(n.attribute())), n.negated());
        }
        if (predicate instanceof Predicate.Like like) {
            ColumnMapping column = column(like.attribute());
            return new SqlExpression.Like(columnRef(like.attribute(), column),
                    new SqlExpression.Parameter(like.pattern(), String.class), dev.braid.query.LikePattern.ESCAPE);
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
        throw dev.braid.core.internal.util.Require.bug("Unknown predicate " + predicate);
    }

    /** {@code EXISTS (SELECT 1 FROM target t WHERE t.fk = owner.id AND condition)}. */
    private SqlExpression exists(Predicate.Exists exists) {
        EntityMapping owner = registry.entity(exists.relation().ownerType());
        String ownerAlias = qualifierOf(owner.type(), exists.relation());
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
        }
        if (exists.condition() != null) {
            Map<Class<?>, String> inner = new HashMap<>(qualifiers);
            inner.put(r.target().type(), targetAlias); // inside the subquery the target's attributes mean this row
            conditions.add(new PredicateTranslator(registry, rootType, inner, aliases).translate(exists.condition()));
        }
        return new SqlExpression.Exists(new SqlStatement.Select(List.of(new SqlExpression.One()), from, joins,
                new SqlExpression.Junction(true, conditions), List.of(), null, null));
    }

    SqlExpression.Column columnRef(Attribute<?, ?> attribute, ColumnMapping column) {
        return new SqlExpression.Column(qualifierOf(attribute.entityType(), attribute), column.column());
    }

    ColumnMapping column(Attribute<?, ?> attribute) {
        qualifierOf(attribute.entityType(), attribute);
        return registry.entity(attribute.entityType()).requireAttribute(attribute.name());
    }

    /** @param what the attribute or relation used, named in the error (made into text only then) */
    private String qualifierOf(Class<?> type, Object what) {
        String qualifier = qualifiers.get(type);
        if (qualifier == null) {
            String root = rootType.getSimpleName();
            throw new MapperException(ErrorCode.BRAID_QUERY, "The query selects " + root + " but filters or orders on "
                    + what + ". Fix: use attributes of " + root + ", or join the relationship that leads to "
                    + type.getSimpleName() + " with .join(...)");
        }
        return qualifier;
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
