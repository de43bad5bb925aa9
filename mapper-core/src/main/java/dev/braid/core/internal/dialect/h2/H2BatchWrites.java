package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.ArrayBind;
import dev.braid.dialect.BatchWrites;
import dev.braid.dialect.RowLists;
import dev.braid.dialect.SqlWriter;

import java.util.List;

/**
 * H2's many-row writes, one marker per value (its array binds cannot carry NULL elements, and it has
 * no UPDATE ... FROM). Inserts go as multi-row VALUES: H2 inserts the rows one after another, so their
 * identity values increase in row order, and FINAL TABLE returns them (H2's identity sequence cannot be
 * addressed to allocate keys first, as on PostgreSQL). Deletes by key go as one IN list per 1,000 rows,
 * each key an index lookup. The post-updates closing a foreign-key cycle go as one MERGE over a VALUES
 * list per table. Other updates go row by row (in-process, no round trips).
 */
final class H2BatchWrites implements BatchWrites {
    static final H2BatchWrites INSTANCE = new H2BatchWrites();

    // The alias of the VALUES list a MERGE reads.
    private static final String V = "braid_v";

    private H2BatchWrites() {}

    @Override
    public Inserts inserts() { return Inserts.VALUES_RETURNING_ORDERED_KEYS; }

    @Override
    public Updates updates() { return Updates.MERGE_VALUES; }

    @Override
    public Deletes deletes() { return Deletes.IN_LIST; }

    @Override
    public void insertRows(List<ArrayBind> columns, SqlWriter out) {
        RowLists.values(columns, out);
    }

    /**
     * {@code MERGE INTO t USING (VALUES ($1, $2), ...) AS braid_v (id, c) ON t.id = braid_v.id
     * WHEN MATCHED THEN UPDATE SET c = braid_v.c}.
     */
    @Override
    public void updateRows(String table, String keyColumn, List<String> setColumns, List<ArrayBind> columns, SqlWriter out) {
        out.append("MERGE INTO ").identifier(table).append(" USING (");
        RowLists.values(columns, out);
        out.append(") AS ").append(V).append(" (").identifier(keyColumn);
        for (String c : setColumns) out.append(", ").identifier(c);
        out.append(") ON ").identifier(table).append('.').identifier(keyColumn).append(" = ")
                .append(V).append('.').identifier(keyColumn).append(" WHEN MATCHED THEN UPDATE SET ");
        for (int i = 0; i < setColumns.size(); i++) {
            if (i > 0) out.append(", ");
            out.identifier(setColumns.get(i)).append(" = ").append(V).append('.').identifier(setColumns.get(i));
        }
    }

    /** {@code id IN ($1, ..., $n)}, single-column keys only. */
    @Override
    public void deleteRowsMatching(List<String> keyColumns, List<ArrayBind> keys, SqlWriter out) {
        RowLists.inList(keyColumns, keys, out);
    }
}
