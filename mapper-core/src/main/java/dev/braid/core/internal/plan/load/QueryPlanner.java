package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.annotation.LoadStrategy;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.query.Order;
import dev.braid.query.LoadOption;
import dev.braid.query.Query;
import dev.braid.query.Relation;
import dev.braid.statement.Bind;
import dev.braid.core.internal.sql.OrderTerm;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;
import dev.braid.dialect.Cursors;
import dev.braid.dialect.Dialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns queries into rendered SELECT plans for one dialect. Stateless and thread-safe. */
public final class QueryPlanner {
    private final MappingRegistry registry;
    private final SqlRenderer renderer;
    private final LoadPlanner loads;

    public QueryPlanner(MappingRegistry registry, Dialect dialect) {
        this.registry = Require.nonNull(registry, "registry");
        this.renderer = new SqlRenderer(dialect);
        this.loads = new LoadPlanner(registry);
    }

    public Dialect dialect() {
        return renderer.dialect();
    }

    public MappingRegistry registry() {
        return registry;
    }

    public LoadPlanner loads() {
        return loads;
    }

    /** The renderer of this planner's dialect (for the planners beside it: bulk updates). */
    SqlRenderer renderer() {
        return renderer;
    }

    /** The entities matching the query, every mapped column selected, plus what to load with them. */
    public SelectPlan select(Query<?> query) {
        return select(query, true);
    }

    private SelectPlan select(Query<?> query, boolean joinsAllowed) {
        return plan(QueryStatement.of(registry, query), query.options(), query.limit(), query.offset(), joinsAllowed);
    }

    /**
     * The root rows of {@code s}, with the JOINED loads of the load tree as LEFT OUTER JOINs. A JOINED
     * collection repeats each root once per child, so with limit/offset the roots are paged in a
     * derived table first and the collection is joined outside it (as SQLAlchemy does): the page
     * counts roots, never joined rows.
     */
    private SelectPlan plan(QueryStatement s, List<LoadOption> options, Long limit, Long offset,
                            boolean joinsAllowed) {
        EntityMapping root = s.root();
        List<LoadNode> tree = loads.plan(root, options);
        List<LoadNode> joinedNodes = new ArrayList<>();
        for (LoadNode node : tree) {
            // Not joined: the loader then treats the node as SELECTIN.
            if (node.strategy() == LoadStrategy.JOINED && joinsAllowed) joinedNodes.add(node);
        }
        boolean joinedCollection = joinedNodes.stream().anyMatch(n -> n.relationship().isCollection());
        String rootAlias = s.rootAlias();
        List<SqlExpression> columns = new ArrayList<>(columns(root, rootAlias));
        List<SqlStatement.Join> eagerJoins = new ArrayList<>();
        List<SelectPlan.JoinedLoad> joined = new ArrayList<>();
        List<OrderTerm> childOrder = new ArrayList<>();
        for (LoadNode node : joinedNodes) {
            RelationshipMapping r = node.relationship();
            String alias = s.aliases().next(r.target().table());
            eagerJoins.addAll(RelationJoins.joins(r, rootAlias, alias, s.aliases(), true));
            joined.add(new SelectPlan.JoinedLoad(node, columns.size()));
            columns.addAll(columns(r.target(), alias));
            if (r.isCollection()) childOrder.addAll(RelationJoins.memberOrder(r, alias));
        }
        SqlStatement.Select select;
        if (joinedCollection && (limit != null || offset != null)) {
            SqlStatement.Select page = new SqlStatement.Select(columns(root, rootAlias), TableRef.of(root.table()),
                    s.joins(), s.where(), s.order(), limit, offset);
            List<OrderTerm> outerOrder = new ArrayList<>(s.order());
            addMissing(outerOrder, rootIdOrder(root, rootAlias));
            addMissing(outerOrder, childOrder);
            // An order over to-one joins needs them outside too; they match one row per paged root.
            List<SqlStatement.Join> outerJoins = new ArrayList<>(s.orderJoined() ? s.joins() : List.of());
            outerJoins.addAll(eagerJoins);
            select = new SqlStatement.Select(columns, TableRef.derived(page, rootAlias), outerJoins, null, outerOrder,
                    null, null);
        } else {
            List<SqlStatement.Join> allJoins = new ArrayList<>(s.joins());
            allJoins.addAll(eagerJoins);
            List<OrderTerm> order = new ArrayList<>(s.order());
            if (joinedCollection) {
                addMissing(order, rootIdOrder(root, rootAlias));
                addMissing(order, childOrder);
            }
            select = new SqlStatement.Select(columns, TableRef.of(root.table()), allJoins, s.where(), order,
                    limit, offset);
        }
        // Query joins never repeat a root (to-many ones are a semi-join); only a JOINED collection does.
        return new SelectPlan(renderer.render(select).withOrigin(StatementOrigin.of(StatementOrigin.Kind.QUERY, root.type())),
                root, joined, tree, joinedCollection);
    }

    /**
     * The plan for one window of a streamed query: like {@link #select} but every relationship is
     * loaded after the window's rows (JOINED becomes SELECTIN), so a window is complete when its
     * result is.
     */
    public SelectPlan streamWindow(Query<?> query) {
        return select(query, false);
    }

    /** The statement declaring cursor {@code name} over {@code select}, with the select's binds (the dialect's {@link Cursors}). */
    public RenderedSql declareCursor(String name, RenderedSql select) {
        return new RenderedSql(cursors().declare(name, select.sql()), select.binds(), select.origin());
    }

    /** The statement fetching the next {@code rows} rows of cursor {@code name}; {@code rows} is Braid's window size. */
    public RenderedSql fetchCursor(String name, int rows) {
        return new RenderedSql(cursors().fetch(name, rows), List.of(), StatementOrigin.of(StatementOrigin.Kind.CURSOR));
    }

    /** The statement closing cursor {@code name}. */
    public RenderedSql closeCursor(String name) {
        return new RenderedSql(cursors().close(name), List.of(), StatementOrigin.of(StatementOrigin.Kind.CURSOR));
    }

    private Cursors cursors() {
        return dialect().cursors().orElseThrow(() -> dev.braid.core.internal.util.Require.bug(
                dialect().name() + " has no server-side cursors; stream with keyset windows"));
    }

    /**
     * {@code SELECT COUNT(*)} over the query's filter: the number of roots. A join through a to-many
     * relationship is a semi-join ({@code EXISTS}), so each root counts once.
     */
    public RenderedSql count(Query<?> query) {
        if (query.limit() != null || query.offset() != null || query.seek() != null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "count() of " + query.entityType().getSimpleName()
                    + " ignores paging: remove limit/offset/seekAfter, or count the page's results");
        }
        QueryStatement s = QueryStatement.of(registry, query);
        return renderer.render(new SqlStatement.Select(List.of(new SqlExpression.CountAll()), TableRef.of(s.root().table()),
                s.joins(), s.where(), List.of(), null, null)).withOrigin(StatementOrigin.of(StatementOrigin.Kind.COUNT, query.entityType()));
    }

    /**
     * A bulk DELETE of the rows the query matches, with {@code returningKeys} returning their keys (so
     * a session holding objects can forget those of deleted rows): {@code DELETE FROM books WHERE ...
     * RETURNING id} on PostgreSQL, {@code SELECT id FROM OLD TABLE (DELETE ...)} on H2. Only a filter
     * makes sense here.
     */
    public RenderedSql bulkDelete(Query<?> query, boolean returningKeys) {
        EntityMapping root = registry.entity(query.entityType());
        String name = query.entityType().getSimpleName();
        if (root.readOnly() || root.idColumns().isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "delete() of " + name + ": it is a read-only view."
                    + " Fix: delete through the writable entity mapped to " + root.table());
        }
        if (query.where() == null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "delete() of " + name + " without where(...) would delete"
                    + " every row of " + root.table() + ". Fix: add where(...)");
        }
        if (!query.joins().isEmpty() || query.limit() != null || query.offset() != null || !query.orderBy().isEmpty()
                || !query.options().isEmpty() || query.seek() != null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "delete() of " + name + " takes a filter only, not"
                    + " join/orderBy/limit/offset/options/seekAfter. Fix: filter across relationships with any()/has()");
        }
        QueryStatement s = QueryStatement.of(registry, query);
        return renderer.render(new SqlStatement.Delete(root.table(), s.where(), returningKeys
                ? root.idColumns().stream().map(ColumnMapping::column).toList() : List.of()))
                .withOrigin(StatementOrigin.of(StatementOrigin.Kind.BULK_DELETE, query.entityType()));
    }

    /** {@code SELECT 1 ... LIMIT 1}: the cheapest probe for existence (offset kept). */
    public RenderedSql exists(Query<?> query) {
        QueryStatement s = QueryStatement.of(registry, query);
        long limit = query.limit() == null ? 1 : Math.min(1, query.limit());
        return renderer.render(new SqlStatement.Select(List.of(new SqlExpression.One()), TableRef.of(s.root().table()),
                s.joins(), s.where(), s.order(), limit, query.offset())).withOrigin(StatementOrigin.of(StatementOrigin.Kind.EXISTS, query.entityType()));
    }

    /**
     * The row with the given key alone, its default loads left to run after it (for refresh, which
     * reads one row into an object it already holds).
     */
    public SelectPlan byKey(EntityKey key) {
        QueryStatement s = QueryStatement.byKey(registry, key);
        EntityMapping entity = s.root();
        SqlStatement.Select select = new SqlStatement.Select(columns(entity, s.rootAlias()), TableRef.of(entity.table()),
                s.where(), List.of(), null, null);
        return new SelectPlan(renderer.render(select).withOrigin(StatementOrigin.of(StatementOrigin.Kind.QUERY, entity.type())), entity,
                List.of(), loads.plan(entity, List.of()), false);
    }

    /**
     * {@code session.get}: the row with the given key with the mapping's default loads planned
     * exactly as for a query ({@code JOINED} defaults as LEFT OUTER JOINs in this statement,
     * {@code SELECTIN} ones after it).
     */
    public SelectPlan get(EntityKey key) {
        return plan(QueryStatement.byKey(registry, key), List.of(), null, null, true);
    }

    /**
     * One selectin query for a chunk of parent keys (driver values): the targets of {@code r} for those
     * parents. No ORDER BY: the database would sort every chunk before sending its first row; the
     * loader orders collections by key in memory instead. Where the keys travel as one array (every
     * dialect but for byte[] keys), the text is rendered once per relationship and only the array changes.
     */
    public SelectinQuery selectin(RelationshipMapping r, List<Object> keys) {
        if (keys.isEmpty()) return renderSelectin(r, keys);
        SelectinQuery template = selectinTemplates.computeIfAbsent(r, rel -> {
            SelectinQuery one = renderSelectin(rel, List.of(keys.get(0)));
            List<Bind> binds = one.sql().binds();
            return binds.size() == 1 && binds.get(0).value() != null && binds.get(0).value().getClass().isArray()
                    && binds.get(0).value().getClass() != byte[].class ? one : NOT_CACHEABLE;
        });
        if (template == NOT_CACHEABLE) return renderSelectin(r, keys);
        SqlExpression.Parameter array = SqlExpression.Parameter.array(template.keyType(), keys);
        RenderedSql sql = new RenderedSql(template.sql().sql(), List.of(new Bind(array.value(), array.type())), template.sql().origin());
        return new SelectinQuery(sql, template.targetOffset(), template.keyIndex(), template.keyType(), template.keyIsTargetColumn());
    }

    /** The rows of {@code part}'s subclass table for a chunk of keys (the joined-table hierarchy's second step). */
    public RenderedSql subclassRows(EntityMapping entity, dev.braid.core.internal.meta.JoinedTables.Part part, List<Object> keys) {
        return JoinedSelects.subclassRows(renderer, entity, part, keys);
    }

    private static final SelectinQuery NOT_CACHEABLE = new SelectinQuery(new RenderedSql("", List.of()), 0, 0, Object.class, false);

    private final Map<RelationshipMapping, SelectinQuery> selectinTemplates = new java.util.concurrent.ConcurrentHashMap<>();

    private SelectinQuery renderSelectin(RelationshipMapping r, List<Object> keys) {
        EntityMapping target = r.target();
        String alias = target.table();
        List<SqlExpression> columns = new ArrayList<>();
        TableRef from;
        List<SqlStatement.Join> joins = new ArrayList<>();
        SqlExpression.Column keyColumn;
        ColumnMapping keyMapping; // the mapped column whose type the keys have
        int keyIndex;
        if (r.link() != null) {
            String link = r.link().table();
            keyColumn = new SqlExpression.Column(link, r.link().ownerColumn());
            columns.add(keyColumn);
            from = TableRef.of(link);
            if (link.equalsIgnoreCase(target.table())) alias = target.table() + "_2";
            joins.add(new SqlStatement.Join(new TableRef(target.table(), RelationJoins.alias(target.table(), alias)),
                    RelationJoins.eq(alias, r.remoteColumn().column(), link, r.link().targetColumn()), false));
            keyIndex = 0;
            keyMapping = r.localColumn();
        } else {
            from = TableRef.of(target.table());
            ColumnMapping matched = r.remoteColumn(); // FK for one-to-many, referenced key for many-to-one
            keyColumn = new SqlExpression.Column(alias, matched.column());
            keyIndex = matched.index();
            keyMapping = matched;
        }
        Class<?> keyType = keyMapping.type().databaseClass();
        int offset = columns.size();
        columns.addAll(columns(target, alias));
        SqlExpression where;
        boolean composite = !r.options().extraPairs().isEmpty();
        if (composite) {
            where = keys.isEmpty() ? null : RelationConditions.compositeMatch(r, alias, keys);
        } else if (dialect().inLists().keyTable().isPresent() && keyType != byte[].class && !keys.isEmpty()) {
            // FROM TABLE(k type = $1) braid_keys JOIN <from> ON <key column> = braid_keys.k JOIN ...
            Object array = SqlExpression.Parameter.array(keyType, keys).value();
            String sqlType = dialect().arrayElementType(keyMapping.type().columnType());
            joins.add(0, new SqlStatement.Join(from, new SqlExpression.Comparison(keyColumn, "=",
                    new SqlExpression.Column(KEY_TABLE, "k")), false));
            from = TableRef.keys(new TableRef.KeyArray("k", sqlType, array), KEY_TABLE);
            where = null;
        } else {
            where = new SqlExpression.InList(keyColumn, keys, keyType);
        }
        where = RelationConditions.and(where, RelationConditions.onTarget(r, alias));
        SqlStatement.Select select = new SqlStatement.Select(columns, from, joins, where, List.of(), null, null);
        return new SelectinQuery(renderer.render(select).withOrigin(StatementOrigin.relationship(r.owner().type(), r.qualifiedName())), offset, r.link() != null ? 0 : offset + keyIndex, keyType,
                r.link() == null);
    }

    // The key table's alias; "braid_" keeps it apart from mapped table names in practice.
    private static final String KEY_TABLE = "braid_keys";

    /** Default number of keys per selectin query for {@code r} and an optional per-query override. */
    public int chunkSize(RelationshipMapping r, int override) {
        if (override > 0) return override;
        if (r.chunkSize() > 0) return r.chunkSize();
        return dialect().defaultInListChunkSize();
    }

    /** Appends the terms whose column the order does not already sort by. */
    private static void addMissing(List<OrderTerm> order, List<OrderTerm> more) {
        for (OrderTerm term : more) {
            boolean present = order.stream().anyMatch(o -> o.expression().equals(term.expression()));
            if (!present) order.add(term);
        }
    }

    private static List<OrderTerm> rootIdOrder(EntityMapping root, String alias) {
        List<OrderTerm> out = new ArrayList<>();
        for (ColumnMapping id : root.idColumns()) {
            out.add(new OrderTerm(new SqlExpression.Column(alias, id.column()), false));
        }
        return out;
    }

    private static List<SqlExpression> columns(EntityMapping entity, String qualifier) {
        List<SqlExpression> columns = new ArrayList<>(entity.columns().size());
        for (ColumnMapping c : entity.columns()) {
            columns.add(JoinedSelects.column(entity, c, qualifier));
        }
        return columns;
    }
}
