package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/**
 * A named subquery in a statement's {@code WITH} clause (a common table expression), selected from with
 * {@link ProjectionQuery#from(CommonTable)} or joined with {@link ProjectionQuery#join(CommonTable, Predicate)};
 * a statement lists every common table it uses, in the order they depend on each other.
 *
 * <ul>
 *   <li>{@link #of(String, ProjectionQuery)}: rows of a projection; its columns are {@link #get}.</li>
 *   <li>{@link #of(String, Query)}: rows of an entity, every mapped column; the entity's attributes refer
 *       to this table in a query selecting from it.</li>
 *   <li>{@link #recursive}: an entity's rows from an anchor query plus, level after level, the rows a
 *       self-referential relationship leads to ({@code WITH RECURSIVE}): a whole tree in one statement.</li>
 * </ul>
 *
 * @param <R> the row type: the projection's, or the entity
 */
public final class CommonTable<R> {
    private final String name;
    private final @Nullable ProjectionQuery<R> projection;
    private final @Nullable Query<R> entityQuery;
    private final @Nullable Relation<R, R> step;
    private final int maxDepth;

    private CommonTable(String name, @Nullable ProjectionQuery<R> projection, @Nullable Query<R> entityQuery,
                        @Nullable Relation<R, R> step, int maxDepth) {
        Require.nonNull(name, "name");
        Require.argument(name.matches("[a-z_][a-z0-9_]*"), "A common table's name is a lower-case identifier"
                + " (letters, digits and underscores), was \"" + name + "\". Fix: rename it");
        this.name = name;
        this.projection = projection;
        this.entityQuery = entityQuery;
        this.step = step;
        this.maxDepth = maxDepth;
    }

    /**
     * A common table holding a projection's rows:
     * {@code WITH name (col, ...) AS (SELECT ...)}. Its columns are named after the selected attributes'
     * columns or {@link Expression#as} labels, else {@code c1}, {@code c2}, ...
     *
     * @param name  the table's name, a lower-case identifier that no mapped table has
     * @param query the projection
     * @param <R>   the row type
     * @return the common table
     * @throws MapperException {@code BRAID_ARGUMENT} for a null or malformed argument, {@code BRAID_QUERY}
     *         when the projection selects a whole entity
     */
    public static <R> CommonTable<R> of(String name, ProjectionQuery<R> query) {
        Require.nonNull(query, "query");
        for (Selection<?> s : query.selections()) {
            if (s instanceof EntitySelection<?>) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "CommonTable.of(\"" + name + "\", " + query
                        + ") selects a whole entity. Fix: use CommonTable.of(name, Query.from(Entity.class)...)"
                        + " for a table of entity rows");
            }
        }
        return new CommonTable<>(name, query, null, null, 0);
    }

    /**
     * A common table holding an entity query's rows, every mapped column; a projection selecting from it
     * reads the entity's attributes (and {@code Projections.entity(...)}) from this table.
     *
     * @param name  the table's name, a lower-case identifier that no mapped table has
     * @param query the entity query: a filter and to-one joins, no paging, order or load options
     * @param <T>   the entity type
     * @return the common table
     */
    public static <T> CommonTable<T> of(String name, Query<T> query) {
        return new CommonTable<>(name, null, Require.nonNull(query, "query"), null, 0);
    }

    /**
     * A recursive common table of an entity's rows: the rows of {@code anchor} (depth 0), then the rows
     * {@code step} leads to from those (depth 1), and so on until a level finds none
     * ({@code WITH RECURSIVE name AS (anchor UNION ALL SELECT ... FROM name JOIN ...)}). With
     * {@code Node_.children} it is the anchor's subtrees, with {@code Node_.parent} their ancestors, with a
     * self-referential many-to-many everything reachable. Selected as entities, each row is the session's
     * tracked object and, but at {@link #maxDepth}, the relationship followed is loaded from the same rows.
     * Data with a cycle recurses forever unless {@link #maxDepth} bounds it.
     *
     * @param name   the table's name, a lower-case identifier that no mapped table has
     * @param anchor the starting rows: an entity query with a filter, no paging, order or load options
     * @param step   a relationship from the entity to itself
     * @param <T>    the entity type
     * @return the common table
     */
    public static <T> CommonTable<T> recursive(String name, Query<T> anchor, Relation<T, T> step) {
        Require.nonNull(anchor, "anchor");
        Require.nonNull(step, "step");
        if (!step.ownerType().equals(anchor.entityType()) || !step.targetType().equals(anchor.entityType())) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "CommonTable.recursive(\"" + name + "\", ..., " + step
                    + "): the step must lead from " + anchor.entityType().getSimpleName() + " to "
                    + anchor.entityType().getSimpleName() + ". Fix: follow a self-referential relationship");
        }
        return new CommonTable<>(name, null, anchor, step, 0);
    }

    /**
     * The same recursive table, stopped after {@code depth} levels below the anchor (a guard against
     * cycles, and a way to load the top of a deep tree).
     *
     * @param depth the deepest level, at least 0 (0: the anchor rows only)
     * @return the bounded table
     * @throws MapperException {@code BRAID_QUERY} on a table that is not recursive, {@code BRAID_ARGUMENT}
     *         for a negative depth
     */
    public CommonTable<R> maxDepth(int depth) {
        requireRecursive("maxDepth");
        Require.argument(depth >= 0, "maxDepth(n) takes n >= 0, was " + depth);
        return new CommonTable<>(name, projection, entityQuery, step, depth + 1);
    }

    /**
     * The column holding the values of one of the projection's selections, as an expression of this table:
     * {@code counts.get(Favorite_.articleId).eqTo(Article_.id)}.
     *
     * @param selected an expression the projection selects (the same object, or an equal attribute)
     * @param <V>      the value type
     * @return the column
     * @throws MapperException {@code BRAID_QUERY} when this table does not hold a projection, or it does not
     *         select {@code selected}
     */
    public <V> Column<V> get(Expression<V> selected) {
        Require.nonNull(selected, "selected");
        if (projection == null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, name + ".get(" + selected + "): " + name
                    + " holds entity rows. Fix: use the entity's attributes in a query selecting from it");
        }
        int index = projection.selections().indexOf(selected);
        if (index < 0) {
            throw new MapperException(ErrorCode.BRAID_QUERY, name + ".get(" + selected + "): " + name
                    + " selects " + projection.selections() + ". Fix: pass one of those");
        }
        return new Column<>(this, index, selected);
    }

    /**
     * The level of a recursive table's row: 0 for the anchor's rows, 1 for those one step away, ...
     * Select it, filter on it or order by it ({@code tree.depth().asc()}: breadth first).
     *
     * @return the depth column
     * @throws MapperException {@code BRAID_QUERY} on a table that is not recursive
     */
    public Depth depth() {
        requireRecursive("depth");
        return new Depth(this);
    }

    private void requireRecursive(String method) {
        if (step == null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, name + "." + method + "(): " + name
                    + " is not recursive. Fix: build it with CommonTable.recursive(...)");
        }
    }

    /**
     * The table's name.
     *
     * @return the name
     */
    public String name() { return name; }

    /**
     * The projection whose rows the table holds.
     *
     * @return the projection, or null for entity rows
     */
    public @Nullable ProjectionQuery<R> projection() { return projection; }

    /**
     * The entity query whose rows the table holds (the anchor of a recursive table).
     *
     * @return the entity query, or null for projection rows
     */
    public @Nullable Query<R> entityQuery() { return entityQuery; }

    /**
     * The relationship a recursive table follows.
     *
     * @return the step, or null when not recursive
     */
    public @Nullable Relation<R, R> step() { return step; }

    /**
     * Whether this is a recursive table.
     *
     * @return true for {@link #recursive}
     */
    public boolean isRecursive() { return step != null; }

    /**
     * The number of levels a recursive table stops after, counting the anchor's.
     *
     * @return {@code maxDepth(n) + 1}, or 0 when unbounded
     */
    public int levels() { return maxDepth; }

    /** {@code CommonTable(name)}. */
    @Override
    public String toString() { return "CommonTable(" + name + ")"; }

    /**
     * A column of a projection's common table: the values of its {@code index}-th selection.
     *
     * @param table    the common table
     * @param index    the selection's position, from 0
     * @param selected the selection whose values the column holds
     * @param <V>      the value type
     */
    public record Column<V>(CommonTable<?> table, int index, Expression<V> selected) implements ComparableExpression<V> {
        /**
         * Checks the parts.
         *
         * @param table    the table
         * @param index    the position
         * @param selected the selection
         */
        public Column {
            Require.nonNull(table, "table");
            Require.nonNull(selected, "selected");
        }

        @Override
        public Class<V> valueType() { return selected.valueType(); }

        /** {@code table.selection}. */
        @Override
        public String toString() { return table.name() + "." + selected; }
    }

    /**
     * The level column of a recursive common table ({@link #depth()}).
     *
     * @param table the recursive table
     */
    public record Depth(CommonTable<?> table) implements ComparableExpression<Integer> {
        /**
         * Checks the table.
         *
         * @param table the table
         */
        public Depth { Require.nonNull(table, "table"); }

        @Override
        public Class<Integer> valueType() { return Integer.class; }

        /** {@code table.depth}. */
        @Override
        public String toString() { return table.name() + ".depth"; }
    }
}
