package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.sql.OrderTerm;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;
import dev.braid.dialect.QueryExpressions;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Aggregate;
import dev.braid.query.Attribute;
import dev.braid.query.CommonTable;
import dev.braid.query.EntitySelection;
import dev.braid.query.Expression;
import dev.braid.query.Labeled;
import dev.braid.query.Order;
import dev.braid.query.Predicate;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statement of one projection query, at the top of a statement or as a subquery of an outer level
 * whose entities it can refer to: the root (the {@code from} entity or common table, else the entity of
 * the first selection), joins along relationships (inner or left outer, to-many ones included: a
 * projection counts joined rows), the filter, the selected columns (a whole entity is all its columns),
 * grouping, the group filter, order and paging; or a set operation of such statements. Rejects, before
 * anything is sent, what SQL would reject less clearly: {@code having} without {@code groupBy}, a selected
 * column neither grouped nor aggregated, an aggregate in {@code where}, members of a set operation that
 * select different types.
 */
final class ProjectionStatement {

    /** One selection's place in the row: its first column, and either how its value is read or its entity. */
    record Column(Selection<?> selection, int offset, Typed typed, EntityMapping entity) {}

    /** The statement and its selections' columns. */
    record Built(SqlStatement statement, List<Column> columns, int width) {}

    private ProjectionStatement() {}

    static Built build(ExpressionTranslator outer, ProjectionQuery<?> query) {
        return query.isCompound() ? compound(outer, query) : new Level(outer, query).build();
    }

    private static Built compound(ExpressionTranslator outer, ProjectionQuery<?> query) {
        List<SqlStatement> members = new ArrayList<>();
        Built first = null;
        ProjectionQuery<?> head = query.members().get(0);
        for (ProjectionQuery<?> member : query.members()) {
            Built built = build(outer.withChildAliases(), member);
            if (first == null) {
                first = built;
            } else if (!member.valueTypes().equals(head.valueTypes())) {
                throw new MapperException(ErrorCode.BRAID_QUERY, query.operators().get(0).name().replace('_', ' ')
                        + " of queries selecting different values: " + head + " selects " + names(head.valueTypes())
                        + ", " + member + " selects " + names(member.valueTypes()) + ". Fix: select the same number"
                        + " of values of the same types, in the same order");
            }
            members.add(built.statement());
        }
        List<OrderTerm> order = new ArrayList<>();
        for (Order o : query.orderBy()) {
            int position = position(head.selections(), o.expression());
            if (position < 0) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "orderBy(" + o.expression() + ") on a "
                        + query.operators().get(0).name().replace('_', ' ') + ": the combined rows are ordered by"
                        + " their columns, and " + o.expression() + " is not one of " + head.selections()
                        + ". Fix: order by a value the first query selects");
            }
            order.add(new OrderTerm(new SqlExpression.Constant(position + 1), o.direction() == Order.Direction.DESC));
        }
        List<QueryExpressions.SetOperator> operators = query.operators().stream()
                .map(op -> QueryExpressions.SetOperator.valueOf(op.name())).toList();
        return new Built(new SqlStatement.SetOperation(members, operators, order, query.limit(), query.offset()),
                first.columns(), first.width());
    }

    /** The output column of {@code expression}, from 0, or -1. */
    private static int position(List<Selection<?>> selections, Expression<?> expression) {
        for (int i = 0; i < selections.size(); i++) {
            Selection<?> s = selections.get(i);
            if (s.equals(expression) || (s instanceof Labeled<?> l && l.expression().equals(expression))) return i;
        }
        return -1;
    }

    private static List<String> names(List<Class<?>> types) {
        return types.stream().map(Class::getSimpleName).toList();
    }

    /** One SELECT level: its own aliases, seen by its subqueries, over the outer level's. */
    private static final class Level {
        private final ExpressionTranslator outer;
        private final ProjectionQuery<?> query;
        private final Map<Class<?>, String> own = new HashMap<>();
        private final Set<CommonTable<?>> ownTables = new HashSet<>();
        private final List<SqlStatement.Join> joins = new ArrayList<>();
        private String rootName;

        // The discriminator condition of a root that is a subclass in an inheritance hierarchy, or null.
        private SqlExpression rootFilter;

        Level(ExpressionTranslator outer, ProjectionQuery<?> query) {
            this.outer = outer;
            this.query = query;
        }

        private ExpressionTranslator translator() {
            ExpressionTranslator t = outer.nested(own, ownTables);
            return new ExpressionTranslator(t.context(), t.qualifiers(), t.tables(), t.aliases(), rootName);
        }

        Built build() {
            TableRef from = root();
            for (ProjectionQuery.Join join : query.joins()) join(join);
            ExpressionTranslator t = translator();
            SqlExpression where = query.where() == null ? null : t.predicate(query.where(), Clause.WHERE);
            where = HierarchyFilter.and(where, rootFilter);
            List<SqlExpression> columns = new ArrayList<>();
            List<Column> out = new ArrayList<>();
            for (Selection<?> s : query.selections()) {
                if (s instanceof EntitySelection<?> e) {
                    EntityMapping entity = t.context().registry().entity(e.entityType());
                    String qualifier = t.qualifierOf(e.entityType(), e);
                    out.add(new Column(s, columns.size(), null, entity));
                    for (ColumnMapping c : entity.columns()) columns.add(new SqlExpression.Column(qualifier, c.column()));
                } else {
                    Typed typed = s instanceof Predicate p ? t.condition(p) : t.translate(expression(s), Clause.SELECT);
                    out.add(new Column(s, columns.size(), typed, null));
                    columns.add(typed.sql());
                }
            }
            List<SqlExpression> groupBy = new ArrayList<>();
            for (Selection<?> g : query.groupBy()) groupBy.addAll(groupTerm(t, g));
            GroupingRules.check(query);
            SqlExpression having = query.having() == null ? null : t.predicate(query.having(), Clause.HAVING);
            List<OrderTerm> order = new ArrayList<>();
            for (Order o : query.orderBy()) {
                if (query.isDistinct()) requireSelected(o.expression());
                order.add(new OrderTerm(t.translate(o.expression(), Clause.ORDER_BY).sql(), o.direction() == Order.Direction.DESC));
            }
            return new Built(new SqlStatement.Projection(query.isDistinct(), columns, from, joins, where, groupBy, having,
                    order, query.limit(), query.offset()), out, columns.size());
        }

        private TableRef root() {
            CommonTable<?> table = query.fromTable();
            Class<?> entityType = query.fromEntity();
            if (table == null && entityType == null) {
                Object inferred = null;
                for (Selection<?> s : query.selections()) {
                    inferred = rootOf(s);
                    if (inferred != null) break;
                }
                if (inferred == null) {
                    throw new MapperException(ErrorCode.BRAID_QUERY, query + " names no entity to select from."
                            + " Fix: add .from(Entity.class)");
                }
                if (inferred instanceof CommonTable<?> t) table = t;
                else entityType = (Class<?>) inferred;
            }
            if (table != null) return rootTable(table);
            EntityMapping root = outer.context().registry().entity(entityType);
            String alias = outer.aliases().next(root.table());
            own.put(root.type(), alias);
            HierarchyFilter.qualify(own, root, alias);
            rootFilter = HierarchyFilter.condition(root, entityType, alias);
            rootName = root.name();
            return new TableRef(root.table(), RelationJoins.alias(root.table(), alias));
        }

        private TableRef rootTable(CommonTable<?> table) {
            CommonTables.Defined defined = tables().define(table);
            ownTables.add(table);
            if (defined.entity() != null) own.put(defined.entity().type(), table.name());
            rootName = table.name();
            return TableRef.of(table.name());
        }

        private CommonTables tables() {
            CommonTables tables = outer.context().tables();
            if (tables == null) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "A common table inside the filter of an entity query"
                        + " (" + query + "). Fix: select from the common table with a projection, or join it there");
            }
            return tables;
        }

        /** The entity (a Class) or common table a selection names first, or null. */
        private static Object rootOf(Selection<?> s) {
            if (s instanceof Attribute<?, ?> a) return a.entityType();
            if (s instanceof EntitySelection<?> e) return e.entityType();
            if (s instanceof Labeled<?> l) return rootOf(l.expression());
            if (s instanceof Aggregate<?> a) return a.argument() == null ? null : rootOf(a.argument());
            if (s instanceof CommonTable.Column<?> c) return c.table();
            if (s instanceof CommonTable.Depth d) return d.table();
            return null;
        }

        private void join(ProjectionQuery.Join join) {
            if (join.relation() != null) {
                String ownerAlias = translator().qualifiers().get(join.relation().ownerType());
                if (ownerAlias == null || !own.containsKey(join.relation().ownerType())) {
                    throw new MapperException(ErrorCode.BRAID_QUERY, "join(" + join.relation() + ") does not start at "
                            + rootName + " or an entity joined before it. Fix: join the relationships in path order");
                }
                RelationshipMapping r = outer.context().registry().entity(join.relation().ownerType())
                        .requireRelationship(join.relation().name());
                String targetAlias = outer.aliases().next(r.target().table());
                joins.addAll(RelationJoins.joins(r, ownerAlias, targetAlias, outer.aliases(), join.left()));
                own.putIfAbsent(r.target().type(), targetAlias);
                return;
            }
            TableRef table;
            if (join.entity() != null) {
                EntityMapping entity = outer.context().registry().entity(join.entity());
                String alias = outer.aliases().next(entity.table());
                own.putIfAbsent(entity.type(), alias);
                table = new TableRef(entity.table(), RelationJoins.alias(entity.table(), alias));
            } else {
                CommonTables.Defined defined = tables().define(join.table());
                ownTables.add(join.table());
                if (defined.entity() != null) own.putIfAbsent(defined.entity().type(), join.table().name());
                table = TableRef.of(join.table().name());
            }
            joins.add(new SqlStatement.Join(table, translator().predicate(join.on(), Clause.ON), join.left()));
        }

        private static Expression<?> expression(Selection<?> s) {
            if (s instanceof Expression<?> e) return e;
            throw new MapperException(ErrorCode.BRAID_QUERY, s + " (" + s.getClass().getName() + ") is not something"
                    + " Braid can select. Fix: select attributes, Functions, predicates or Projections.entity(...)");
        }

        private List<SqlExpression> groupTerm(ExpressionTranslator t, Selection<?> g) {
            if (g instanceof EntitySelection<?> e) {
                EntityMapping entity = t.context().registry().entity(e.entityType());
                String qualifier = t.qualifierOf(e.entityType(), e);
                List<SqlExpression> all = new ArrayList<>();
                for (ColumnMapping c : entity.columns()) all.add(new SqlExpression.Column(qualifier, c.column()));
                return all;
            }
            if (g instanceof Predicate || (g instanceof Expression<?> e && GroupingRules.aggregated(e))) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "groupBy(" + g + "): rows are grouped by attributes"
                        + " and expressions of a row, not by " + (g instanceof Predicate ? "a predicate" : "an aggregate")
                        + ". Fix: group by the attributes it uses");
            }
            Expression<?> e = g instanceof Labeled<?> l ? l.expression() : expression(g);
            return List.of(t.translate(e, Clause.GROUP_BY).sql());
        }

        private void requireSelected(Expression<?> expression) {
            for (Selection<?> s : query.selections()) {
                if (s.equals(expression) || (s instanceof Labeled<?> l && l.expression().equals(expression))
                        || (s instanceof EntitySelection<?> e && expression instanceof Attribute<?, ?> a
                        && a.entityType().equals(e.entityType()))) return;
            }
            throw new MapperException(ErrorCode.BRAID_QUERY, "orderBy(" + expression + ") with distinct(): distinct"
                    + " rows can only be ordered by what they hold, and " + query + " does not select it. Fix: select "
                    + expression + ", or drop distinct()");
        }
    }
}
