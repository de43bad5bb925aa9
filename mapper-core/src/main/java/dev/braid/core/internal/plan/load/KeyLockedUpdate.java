package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;

import java.util.ArrayList;
import java.util.List;

/**
 * A bulk update that refreshes the session's objects on a database whose UPDATE returns no rows
 * ({@link dev.braid.dialect.Returning#fromUpdate()} false: MariaDB), as statements run in one transaction:
 * <ol>
 *   <li>{@link #lockKeys()}: {@code SELECT id FROM t WHERE <filter> FOR UPDATE}, which locks the matching rows
 *       and learns their keys (no other transaction can change or delete them until this one ends);</li>
 *   <li>{@link #updates}: {@code UPDATE t SET ... WHERE id IN (...)} of exactly those keys, one statement per
 *       chunk of keys (the dialect's IN-list size); the filter is not evaluated again, so a row another
 *       transaction made match in between is not updated behind the session's back;</li>
 *   <li>{@link #rereads}: {@code SELECT id, <written columns> FROM t WHERE id IN (...)}, the values the database
 *       stored (an increment's result, the column's rounding), in the order and types of
 *       {@link BulkUpdate#returnedTypes()}, for {@link BulkUpdate#apply}.</li>
 * </ol>
 * The number of rows updated is the number of keys locked: each is a row that exists and is updated by key.
 */
public final class KeyLockedUpdate {
    private final SqlRenderer renderer;
    private final EntityMapping mapping;
    private final List<SqlStatement.SetClause> set;
    private final List<ColumnMapping> returned;
    private final RenderedSql lock;
    private final List<Class<?>> keyTypes;
    private final int chunkSize;
    private final StatementOrigin origin;

    KeyLockedUpdate(SqlRenderer renderer, EntityMapping mapping, List<SqlStatement.SetClause> set, SqlExpression where,
                    List<ColumnMapping> returned, StatementOrigin origin) {
        this.renderer = renderer;
        this.mapping = mapping;
        this.set = List.copyOf(set);
        this.returned = List.copyOf(returned);
        this.origin = origin;
        this.chunkSize = Math.max(1, renderer.dialect().defaultInListChunkSize());
        this.keyTypes = mapping.idColumns().stream().<Class<?>>map(c -> c.type().databaseClass()).toList();
        this.lock = renderer.render(new SqlStatement.LockingSelect(new SqlStatement.Select(
                columns(mapping.idColumns()), TableRef.of(mapping.table()), where, List.of(), null, null))).withOrigin(origin);
    }

    /** {@code SELECT <key columns> FROM t WHERE <filter> FOR UPDATE}: locks the rows the filter matches, returns their keys. */
    public RenderedSql lockKeys() {
        return lock;
    }

    /** The driver classes of {@link #lockKeys()}'s columns (the key columns). */
    public List<Class<?>> keyTypes() {
        return keyTypes;
    }

    /**
     * The UPDATEs of the locked rows: {@code UPDATE t SET ... WHERE id IN (...)}, one per chunk of keys.
     *
     * @param keys the rows {@link #lockKeys()} returned (driver values, in {@link #keyTypes()} order)
     */
    public List<RenderedSql> updates(List<Object[]> keys) {
        List<RenderedSql> statements = new ArrayList<>();
        for (List<Object[]> chunk : chunks(keys)) {
            statements.add(renderer.render(new SqlStatement.BulkUpdate(mapping.table(), set, byKey(chunk), List.of()))
                    .withOrigin(origin));
        }
        return statements;
    }

    /**
     * The re-reads of the updated rows: {@code SELECT id, <written columns> FROM t WHERE id IN (...)}, one per
     * chunk of keys; their rows are what {@link BulkUpdate#apply} takes.
     *
     * @param keys the rows {@link #lockKeys()} returned
     */
    public List<RenderedSql> rereads(List<Object[]> keys) {
        List<RenderedSql> statements = new ArrayList<>();
        for (List<Object[]> chunk : chunks(keys)) {
            statements.add(renderer.render(new SqlStatement.Select(columns(returned), TableRef.of(mapping.table()),
                    byKey(chunk), List.of(), null, null)).withOrigin(origin));
        }
        return statements;
    }

    private List<SqlExpression> columns(List<ColumnMapping> columns) {
        return columns.stream().<SqlExpression>map(c -> new SqlExpression.Column(mapping.table(), c.column())).toList();
    }

    private List<List<Object[]>> chunks(List<Object[]> keys) {
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += chunkSize) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + chunkSize)));
        }
        return chunks;
    }

    /** {@code id IN (...)}, or for a composite key {@code (a = ? AND b = ?) OR ...}. */
    private SqlExpression byKey(List<Object[]> keys) {
        List<ColumnMapping> ids = mapping.idColumns();
        if (ids.size() == 1) {
            ColumnMapping id = ids.get(0);
            List<Object> values = new ArrayList<>(keys.size());
            for (Object[] key : keys) values.add(key[0]);
            return new SqlExpression.InList(new SqlExpression.Column(mapping.table(), id.column()), values,
                    id.type().databaseClass(), id.type().sqlType());
        }
        List<SqlExpression> rows = new ArrayList<>(keys.size());
        for (Object[] key : keys) {
            List<SqlExpression> parts = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                ColumnMapping id = ids.get(i);
                parts.add(new SqlExpression.Comparison(new SqlExpression.Column(mapping.table(), id.column()), "=",
                        new SqlExpression.Parameter(key[i], id.type().databaseClass(), id.type().sqlType())));
            }
            rows.add(new SqlExpression.Junction(true, parts));
        }
        return new SqlExpression.Junction(false, rows);
    }
}
