package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Attribute;
import dev.braid.query.CommonTable;
import dev.braid.query.Labeled;
import dev.braid.query.Query;
import dev.braid.query.Selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common tables one statement uses, each translated once, when first used, after the tables its
 * own query uses: the order of the statement's {@code WITH} list. A projection's table names its columns
 * after the selected columns or labels ({@code c1}, {@code c2}, ... otherwise); an entity's table has
 * the entity's columns; a recursive one adds {@value #DEPTH}, the level of each row.
 */
final class CommonTables {
    /** The level column of a recursive table (0 for the anchor's rows). */
    static final String DEPTH = "braid_depth";

    /** A translated table: its columns' names, and, per column, how its values are read. */
    record Defined(CommonTable<?> table, SqlStatement.CommonTable sql, List<String> columnNames, List<Typed> columns,
                   EntityMapping entity) {}

    private final MappingRegistry registry;
    private final Map<CommonTable<?>, Defined> defined = new IdentityHashMap<>();
    private final Set<CommonTable<?>> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Defined> order = new ArrayList<>();

    CommonTables(MappingRegistry registry) {
        this.registry = registry;
    }

    /** Every table used, dependencies first. */
    List<SqlStatement.CommonTable> statements() {
        return order.stream().map(Defined::sql).toList();
    }

    boolean isEmpty() { return order.isEmpty(); }

    boolean recursive() { return order.stream().anyMatch(d -> d.table().isRecursive()); }

    /** The table's translation, made on first use. */
    Defined define(CommonTable<?> table) {
        Defined done = defined.get(table);
        if (done != null) return done;
        for (Defined other : order) {
            if (other.table().name().equals(table.name())) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "Two different common tables are named \"" + table.name()
                        + "\" in one statement. Fix: give each its own name");
            }
        }
        if (registry.entities().stream().anyMatch(e -> e.table().equalsIgnoreCase(table.name()))) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "The common table \"" + table.name() + "\" has the name of a"
                    + " mapped table. Fix: name it differently (e.g. \"" + table.name() + "_rows\")");
        }
        if (!inProgress.add(table)) {
            throw new MapperException(ErrorCode.BRAID_QUERY, table + " refers to itself. Fix: build a recursive table"
                    + " with CommonTable.recursive(...)");
        }
        Defined result = table.projection() != null ? projection(table)
                : table.isRecursive() ? recursive(table) : entityRows(table);
        inProgress.remove(table);
        defined.put(table, result);
        order.add(result);
        return result;
    }

    private Defined projection(CommonTable<?> table) {
        StatementContext context = new StatementContext(registry, this);
        Aliases aliases = fresh(table);
        ExpressionTranslator top = new ExpressionTranslator(context, Map.of(), Set.of(), aliases, table.name());
        ProjectionStatement.Built built = ProjectionStatement.build(top, table.projection());
        List<String> names = new ArrayList<>();
        List<Typed> columns = new ArrayList<>();
        List<Selection<?>> selections = table.projection().selections();
        for (int i = 0; i < selections.size(); i++) {
            names.add(unique(columnName(selections.get(i), i), names));
            columns.add(built.columns().get(i).typed());
        }
        return new Defined(table, new SqlStatement.CommonTable(table.name(), names, built.statement()), names, columns, null);
    }

    private String columnName(Selection<?> s, int index) {
        if (s instanceof Labeled<?> l) return l.label();
        if (s instanceof CommonTable.Column<?> c) return define(c.table()).columnNames().get(c.index());
        if (s instanceof Attribute<?, ?> a) {
            return registry.entity(a.entityType()).attribute(a.name()).map(ColumnMapping::column).orElse("c" + (index + 1));
        }
        return "c" + (index + 1);
    }

    private static String unique(String name, List<String> taken) {
        String candidate = name;
        for (int i = 2; taken.contains(candidate); i++) candidate = name + "_" + i;
        return candidate;
    }

    private Defined entityRows(CommonTable<?> table) {
        Query<?> query = requirePlain(table, "CommonTable.of");
        EntityMapping entity = registry.entity(query.entityType());
        QueryStatement s = QueryStatement.of(registry, query);
        SqlStatement.Select select = new SqlStatement.Select(columns(entity, s.rootAlias()), TableRef.of(entity.table()),
                s.joins(), s.where(), List.of(), null, null);
        List<String> names = entity.columns().stream().map(ColumnMapping::column).toList();
        return new Defined(table, new SqlStatement.CommonTable(table.name(), names, select), names, typed(entity), entity);
    }

    /**
     * {@code name (columns..., braid_depth) AS (SELECT <anchor>, 0 ... UNION ALL SELECT <target>, name.braid_depth + 1
     * FROM name JOIN <step> [WHERE name.braid_depth < $n])}.
     */
    private Defined recursive(CommonTable<?> table) {
        Query<?> anchor = requirePlain(table, "CommonTable.recursive");
        EntityMapping entity = registry.entity(anchor.entityType());
        RelationshipMapping r = entity.requireRelationship(table.step().name());
        QueryStatement s = QueryStatement.of(registry, anchor);
        List<SqlExpression> anchorColumns = columns(entity, s.rootAlias());
        anchorColumns.add(new SqlExpression.Constant(0));
        SqlStatement.Select first = new SqlStatement.Select(anchorColumns, TableRef.of(entity.table()), s.joins(),
                s.where(), List.of(), null, null);

        Aliases aliases = fresh(table);
        String target = aliases.next(entity.table());
        List<SqlExpression> stepColumns = columns(entity, target);
        stepColumns.add(new SqlExpression.Increment(new SqlExpression.Column(table.name(), DEPTH)));
        SqlExpression bound = table.levels() == 0 ? null : new SqlExpression.Comparison(
                new SqlExpression.Column(table.name(), DEPTH), "<", new SqlExpression.Parameter(table.levels() - 1, Integer.class));
        SqlStatement.Select next = new SqlStatement.Select(stepColumns, TableRef.of(table.name()),
                RelationJoins.joins(r, table.name(), target, aliases, false), bound, List.of(), null, null);

        List<String> names = new ArrayList<>(entity.columns().stream().map(ColumnMapping::column).toList());
        names.add(DEPTH);
        SqlStatement union = new SqlStatement.SetOperation(List.of(first, next),
                List.of(dev.braid.dialect.QueryExpressions.SetOperator.UNION_ALL), List.of(), null, null);
        List<Typed> typed = typed(entity);
        return new Defined(table, new SqlStatement.CommonTable(table.name(), names, union), names, typed, entity);
    }

    private static Query<?> requirePlain(CommonTable<?> table, String method) {
        Query<?> query = table.entityQuery();
        if (!query.orderBy().isEmpty() || query.limit() != null || query.offset() != null || !query.options().isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, method + "(\"" + table.name() + "\", ...) takes a filter"
                    + " (and joins), not orderBy/limit/offset/options. Fix: order and page the query that selects from "
                    + table.name());
        }
        return query;
    }

    private Aliases fresh(CommonTable<?> table) {
        Aliases aliases = new Aliases();
        aliases.reserve(table.name());
        for (Defined d : order) aliases.reserve(d.table().name());
        return aliases;
    }

    private static List<Typed> typed(EntityMapping entity) {
        List<Typed> out = new ArrayList<>();
        for (ColumnMapping c : entity.columns()) out.add(new Typed(null, ReadAs.value(c.type()), c.type()));
        return out;
    }

    private static List<SqlExpression> columns(EntityMapping entity, String qualifier) {
        List<SqlExpression> columns = new ArrayList<>();
        for (ColumnMapping c : entity.columns()) columns.add(new SqlExpression.Column(qualifier, c.column()));
        return columns;
    }

    /** The names of the tables defined so far (aliases must not take them). */
    Set<String> names() {
        Set<String> names = new HashSet<>();
        for (Defined d : order) names.add(d.table().name());
        return names;
    }
}
