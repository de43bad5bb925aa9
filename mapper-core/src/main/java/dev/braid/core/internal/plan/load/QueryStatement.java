package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.query.Order;
import dev.braid.query.Query;
import dev.braid.query.Relation;
import dev.braid.core.internal.sql.OrderTerm;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The FROM, JOIN, WHERE and ORDER BY of a query over its root entity, one row per root. A
 * {@code join(...)} whose path stays to-one (many-to-one, one-to-one) is an inner JOIN: it cannot
 * repeat a root. A join through a to-many step (one-to-many, many-to-many) would repeat the root
 * once per related row, so paging and counting would count joined rows: such joins become one
 * correlated {@code EXISTS} semi-join holding them and the whole filter, and the root rows stay
 * distinct for ORDER BY, LIMIT, OFFSET and COUNT. Ordering by an attribute of a to-many join has
 * no single value per root and is refused.
 *
 * @param rootAlias   the root table's alias (its name)
 * @param joins       the to-one joins, kept in the root statement
 * @param order       ORDER BY over the root and to-one joins
 * @param orderJoined whether the order uses a joined (to-one) table, not only the root
 */
record QueryStatement(EntityMapping root, Aliases aliases, String rootAlias, List<SqlStatement.Join> joins,
                      SqlExpression where, List<OrderTerm> order, boolean orderJoined) {

    /** The statement of {@code query}. */
    static QueryStatement of(MappingRegistry registry, Query<?> query) {
        EntityMapping root = registry.entity(query.entityType());
        Aliases aliases = new Aliases();
        String rootAlias = aliases.next(root.table());
        Map<Class<?>, String> qualifiers = new HashMap<>();
        qualifiers.put(root.type(), rootAlias);
        HierarchyFilter.qualify(qualifiers, root, rootAlias);
        Map<String, Relation<?, ?>> toManyAliases = new HashMap<>(); // alias -> the to-many join leading to it
        List<SqlStatement.Join> toOne = new ArrayList<>();
        List<SqlStatement.Join> toMany = new ArrayList<>();
        toOne.addAll(JoinedSelects.subclassJoins(root, query.entityType(), rootAlias));
        for (Relation<?, ?> relation : query.joins()) {
            String ownerAlias = qualifiers.get(relation.ownerType());
            if (ownerAlias == null) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "join(" + relation + ") does not start at "
                        + root.name() + " or an entity joined before it. Fix: join the relationships in path order");
            }
            RelationshipMapping r = registry.entity(relation.ownerType()).requireRelationship(relation.name());
            String targetAlias = aliases.next(r.target().table());
            Relation<?, ?> viaMany = r.isCollection() ? relation : toManyAliases.get(ownerAlias);
            List<SqlStatement.Join> joins = RelationJoins.joins(r, ownerAlias, targetAlias, aliases, false);
            if (viaMany != null) {
                toMany.addAll(joins);
                toManyAliases.put(targetAlias, viaMany);
            } else {
                toOne.addAll(joins);
            }
            qualifiers.putIfAbsent(r.target().type(), targetAlias);
            HierarchyFilter.qualify(qualifiers, r.target(), targetAlias);
        }
        PredicateTranslator translator = new PredicateTranslator(registry, root.type(), qualifiers, aliases);
        SqlExpression where = query.where() == null ? null : translator.translate(query.where());
        where = HierarchyFilter.and(where, root, query.entityType(), rootAlias);
        if (!toMany.isEmpty()) where = semiJoin(toMany, where);
        List<OrderTerm> order = new ArrayList<>();
        boolean orderJoined = false;
        for (Order o : query.orderBy()) {
            if (!o.isAttribute()) {
                // A scalar subquery (e.g. each author's number of books): one value per root, correlated.
                order.add(new OrderTerm(translator.expressions().translate(o.expression(), Clause.ENTITY_ORDER).sql(),
                        o.direction() == Order.Direction.DESC));
                continue;
            }
            SqlExpression.Column column = translator.columnRef(o.attribute(), translator.column(o.attribute()));
            Relation<?, ?> viaMany = toManyAliases.get(column.qualifier());
            if (viaMany != null) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "orderBy(" + o.attribute() + ") on a query over "
                        + root.name() + " sorts by an attribute of the to-many join(" + viaMany + "): a "
                        + root.name() + " has several of them, so its place in the order is undefined. Fix: order by"
                        + " attributes of " + root.name() + " or of a to-one join, or select "
                        + o.attribute().entityType().getSimpleName() + " and filter it with any()/has()");
            }
            orderJoined |= !rootAlias.equals(column.qualifier());
            order.add(new OrderTerm(column, o.direction() == Order.Direction.DESC));
        }
        if (query.seek() != null) {
            // Outside any semi-join: the seek compares the root's (or a to-one join's) order values.
            SqlExpression seek = KeysetCondition.of(root, query, translator);
            where = where == null ? seek : new SqlExpression.Junction(true, List.of(where, seek));
        }
        return new QueryStatement(root, aliases, rootAlias, toOne, where, order, orderJoined);
    }

    /** The row of {@code key}: {@code WHERE root.id = $1} (one term per key column). */
    static QueryStatement byKey(MappingRegistry registry, EntityKey key) {
        EntityMapping root = registry.entity(key.type());
        Aliases aliases = new Aliases();
        String rootAlias = aliases.next(root.table());
        List<?> parts = root.idParts(key);
        List<SqlExpression> conditions = new ArrayList<>();
        for (int i = 0; i < root.idColumns().size(); i++) {
            ColumnMapping id = root.idColumns().get(i);
            conditions.add(new SqlExpression.Comparison(new SqlExpression.Column(rootAlias, id.column()), "=",
                    new SqlExpression.Parameter(id.type().toDatabase(parts.get(i)), id.type().databaseClass(), id.type().sqlType())));
        }
        return new QueryStatement(root, aliases, rootAlias, List.of(), new SqlExpression.Junction(true, conditions),
                List.of(), false);
    }

    /**
     * {@code EXISTS (SELECT 1 FROM <first joined table> JOIN ... WHERE <its join condition> AND <filter>)}:
     * the first join's condition, which ties it to the root (or a to-one join), becomes the correlation.
     */
    private static SqlExpression semiJoin(List<SqlStatement.Join> joins, SqlExpression where) {
        SqlStatement.Join first = joins.get(0);
        List<SqlExpression> conditions = new ArrayList<>();
        conditions.add(first.on());
        if (where != null) conditions.add(where);
        return new SqlExpression.Exists(new SqlStatement.Select(List.of(new SqlExpression.One()), first.table(),
                joins.subList(1, joins.size()), new SqlExpression.Junction(true, conditions), List.of(), null, null));
    }
}
