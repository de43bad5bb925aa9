package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Assignment;
import dev.braid.query.Query;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A bulk UPDATE of the rows a query matches ({@code UPDATE t SET ... WHERE <filter>}), the version column
 * (if any) incremented by the database, and what the session does with the updated rows. When the session
 * holds no object of the entity the plain UPDATE is enough. Otherwise the statement returns the updated
 * rows' keys and the new values of the columns it set (SQLAlchemy's {@code synchronize_session='fetch'}:
 * {@code RETURNING} on PostgreSQL, {@code FINAL TABLE} on H2), and {@link #apply} copies them into the
 * held objects and their snapshots, so their fields match the rows and no UPDATE of those columns
 * follows at the next flush. The values come from the database, so increments and the column's own
 * rounding are exactly what it stored. Where the dialect's UPDATE returns no rows (MariaDB) the held objects'
 * rows are locked, updated by key and read back instead: see {@link KeyLockedUpdate} ({@link #locked()}).
 */
public final class BulkUpdate {
    private final EntityMapping mapping;
    private final RenderedSql plain;
    private final java.util.function.Supplier<RenderedSql> returning; // rendered when asked: MariaDB's UPDATE returns nothing
    private final @Nullable KeyLockedUpdate locked; // where UPDATE returns no rows: lock, update by key, re-read
    private final List<ColumnMapping> returned; // id columns, then the written columns (assigned, version)
    private final List<Class<?>> returnedTypes;

    private BulkUpdate(EntityMapping mapping, RenderedSql plain, java.util.function.Supplier<RenderedSql> returning,
                       @Nullable KeyLockedUpdate locked, List<ColumnMapping> returned) {
        this.mapping = mapping;
        this.plain = plain;
        this.returning = returning;
        this.locked = locked;
        this.returned = returned;
        this.returnedTypes = returned.stream().<Class<?>>map(c -> c.type().databaseClass()).toList();
    }

    /**
     * Plans the update: checks the query (a filter only) and every assignment before anything is sent.
     *
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} naming the attribute and the fix
     */
    public static BulkUpdate of(MappingRegistry registry, QueryPlanner planner, Query<?> query, List<Assignment> assignments) {
        EntityMapping mapping = registry.entity(query.entityType());
        List<SqlStatement.SetClause> set = new ArrayList<>();
        List<ColumnMapping> written = new ArrayList<>();
        for (Assignment a : BulkUpdateCheck.check(mapping, query, assignments)) {
            ColumnMapping column = mapping.requireAttribute(a.attribute().name());
            SqlExpression.Parameter value = new SqlExpression.Parameter(BulkUpdateCheck.databaseValue(column, a),
                    column.type().databaseClass(), column.type().sqlType());
            set.add(new SqlStatement.SetClause(column.column(), a instanceof Assignment.Increment
                    ? new SqlExpression.Plus(new SqlExpression.Column(null, column.column()), value) : value));
            written.add(column);
        }
        mapping.versionColumn().ifPresent(version -> {
            set.add(new SqlStatement.SetClause(version.column(),
                    new SqlExpression.Plus(new SqlExpression.Column(null, version.column()), new SqlExpression.One())));
            written.add(version);
        });
        SqlExpression where = QueryStatement.of(registry, query).where();
        List<ColumnMapping> returned = new ArrayList<>(mapping.idColumns());
        returned.addAll(written);
        StatementOrigin origin = StatementOrigin.of(StatementOrigin.Kind.BULK_UPDATE, mapping.type());
        RenderedSql plain = planner.renderer().render(new SqlStatement.BulkUpdate(mapping.table(), set, where, List.of()))
                .withOrigin(origin);
        SqlStatement.BulkUpdate returningStatement = new SqlStatement.BulkUpdate(mapping.table(), set, where,
                returned.stream().map(ColumnMapping::column).toList());
        java.util.function.Supplier<RenderedSql> returning =
                () -> planner.renderer().render(returningStatement).withOrigin(origin);
        KeyLockedUpdate locked = planner.renderer().dialect().returning().fromUpdate() ? null
                : new KeyLockedUpdate(planner.renderer(), mapping, set, where, returned, origin);
        return new BulkUpdate(mapping, plain, returning, locked, List.copyOf(returned));
    }

    /**
     * How held objects are refreshed where the dialect's UPDATE returns no rows (MariaDB): lock the matching keys,
     * update them, read them back. Null where {@link #returningRows()} serves.
     */
    public @Nullable KeyLockedUpdate locked() {
        return locked;
    }

    /** Whether the updated rows must be read back: only when the session holds objects of the entity. */
    public boolean readsRows(IdentityMap held) {
        return held.holds(mapping.type());
    }

    /** The UPDATE without returned rows. */
    public RenderedSql plain() {
        return plain;
    }

    /**
     * The UPDATE returning each updated row's key and the new values of the columns it wrote.
     *
     * @throws dev.braid.error.MapperException {@code BRAID_MAPPING} where UPDATE cannot return rows (MariaDB)
     */
    public RenderedSql returningRows() {
        return returning.get();
    }

    /** The driver classes of {@link #returningRows()}'s columns, and of {@link KeyLockedUpdate#rereads}'. */
    public List<Class<?>> returnedTypes() {
        return returnedTypes;
    }

    /**
     * The rows are updated: each held object of an updated row takes the new values, in its fields and in
     * its snapshot. Pushes onto {@code undo} what restores them (run if the transaction rolls back).
     *
     * @param rows the returned rows (driver values, in {@link #returnedTypes()} order)
     * @return the number of rows updated
     */
    public long apply(List<Object[]> rows, IdentityMap held, Deque<Runnable> undo) {
        int keys = mapping.idColumns().size();
        for (Object[] row : rows) {
            Object id;
            if (keys == 1) {
                id = returned.get(0).fromDatabase(row[0]);
            } else {
                List<Object> parts = new ArrayList<>(keys);
                for (int i = 0; i < keys; i++) parts.add(returned.get(i).fromDatabase(row[i]));
                id = parts;
            }
            Object entity = held.get(new EntityKey(mapping.type(), id));
            EntityState state = entity == null ? null : held.stateOf(entity);
            if (state == null || state.status() != EntityStatus.PERSISTENT || state.snapshot() == null) continue;
            Object[] before = state.snapshot();
            Object[] after = before.clone();
            Object[] fields = new Object[returned.size()];
            for (int i = keys; i < returned.size(); i++) {
                ColumnMapping column = returned.get(i);
                fields[i] = column.get(entity);
                column.set(entity, column.fromDatabase(row[i]));
                after[column.index()] = row[i] instanceof byte[] bytes ? bytes.clone() : row[i];
            }
            held.updated(state, after);
            undo.push(() -> {
                for (int i = keys; i < returned.size(); i++) returned.get(i).set(entity, fields[i]);
                held.updated(state, before);
            });
        }
        return rows.size();
    }
}
