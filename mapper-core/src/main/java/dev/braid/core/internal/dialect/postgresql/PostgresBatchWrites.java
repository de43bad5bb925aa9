package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.ArrayBind;
import dev.braid.dialect.BatchWrites;
import dev.braid.dialect.SqlWriter;

import java.util.List;

/**
 * PostgreSQL's many-row writes: one array bind per column, read as rows by {@code unnest}, so the text
 * of a statement does not depend on the number of rows and there is no parameter limit.
 */
final class PostgresBatchWrites implements BatchWrites {
    static final PostgresBatchWrites INSTANCE = new PostgresBatchWrites();

    // The alias of the rows an UPDATE reads.
    private static final String V = "braid_v";

    private PostgresBatchWrites() {}

    @Override
    public Inserts inserts() { return Inserts.ARRAYS; }

    @Override
    public Updates updates() { return Updates.ARRAYS; }

    @Override
    public Deletes deletes() { return Deletes.ARRAYS; }

    /** {@code SELECT * FROM unnest($1::t[], $2::u[])}. */
    @Override
    public void insertRows(List<ArrayBind> columns, SqlWriter out) {
        out.append("SELECT * FROM ");
        unnest(columns, out);
    }

    /**
     * {@code UPDATE t SET c = braid_v.c FROM unnest($1::t[], $2::u[]) AS braid_v (id, c)
     * WHERE t.id = braid_v.id}.
     */
    @Override
    public void updateRows(String table, String keyColumn, List<String> setColumns, List<ArrayBind> columns, SqlWriter out) {
        out.append("UPDATE ").identifier(table).append(" SET ");
        for (int i = 0; i < setColumns.size(); i++) {
            if (i > 0) out.append(", ");
            out.identifier(setColumns.get(i)).append(" = ").append(V).append('.').identifier(setColumns.get(i));
        }
        out.append(" FROM ");
        unnest(columns, out);
        out.append(" AS ").append(V).append(" (").identifier(keyColumn);
        for (String c : setColumns) out.append(", ").identifier(c);
        out.append(") WHERE ").identifier(table).append('.').identifier(keyColumn).append(" = ")
                .append(V).append('.').identifier(keyColumn);
    }

    /**
     * {@code id = ANY($1::bigint[])} for one key column: = ANY uses the column's index, where
     * {@code IN (SELECT * FROM unnest(...))} may be planned as a hash join over the table; that form
     * for composite keys.
     */
    @Override
    public void deleteRowsMatching(List<String> keyColumns, List<ArrayBind> keys, SqlWriter out) {
        if (keyColumns.size() == 1) {
            ArrayBind k = keys.get(0);
            out.identifier(keyColumns.get(0)).append(" = ANY(").bind(k.values(), k.type())
                    .append("::").append(k.elementType()).append("[])");
        } else {
            out.append('(').identifiers(keyColumns).append(") IN (SELECT * FROM ");
            unnest(keys, out);
            out.append(')');
        }
    }

    private static void unnest(List<ArrayBind> columns, SqlWriter out) {
        out.append("unnest(");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) out.append(", ");
            ArrayBind c = columns.get(i);
            out.bind(c.values(), c.type()).append("::").append(c.elementType()).append("[]");
        }
        out.append(')');
    }
}
