package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.RowLists;
import dev.braid.dialect.SqlWriter;
import dev.braid.dialect.UpsertRows;
import dev.braid.dialect.Upserts;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.List;

/**
 * H2's standard {@code MERGE INTO t USING (VALUES ($1, $2), ...) AS braid_v (a, b) ON t.a = braid_v.a
 * WHEN NOT MATCHED THEN INSERT (a, b) VALUES (braid_v.a, braid_v.b) [WHEN MATCHED THEN UPDATE SET b =
 * braid_v.b, version = t.version + 1]}, inside {@code SELECT ... FROM FINAL TABLE (...)} when columns are
 * returned. MERGE matches on columns, so a constraint must come with its columns. A row another
 * transaction inserted and has not committed is waited for, then matched (tested with 16 concurrent upserts).
 */
final class H2Upserts implements Upserts {
    static final H2Upserts INSTANCE = new H2Upserts();

    private static final String V = "braid_v";

    private H2Upserts() {}

    @Override
    public void upsert(UpsertRows rows, SqlWriter out) {
        if (rows.conflictColumns().isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "H2 cannot upsert into " + rows.table() + " on constraint "
                    + rows.constraint() + " without its columns (its MERGE matches rows on columns), and the mapping"
                    + " declares no such constraint. Fix: onConflict(<the constraint's attributes>), or declare the"
                    + " column unique in the mapping (its constraint is then named uq_<table>_<column>)");
        }
        boolean returns = !rows.returning().isEmpty();
        if (returns) out.append("SELECT ").identifiers(rows.returning()).append(" FROM FINAL TABLE (");
        String table = rows.table();
        out.append("MERGE INTO ").identifier(table).append(" USING (");
        RowLists.values(rows.rows(), out);
        out.append(") AS ").append(V).append(" (").identifiers(rows.columns()).append(") ON ");
        List<String> keys = rows.conflictColumns();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) out.append(" AND ");
            out.identifier(table).append('.').identifier(keys.get(i)).append(" = ").append(V).append('.').identifier(keys.get(i));
        }
        out.append(" WHEN NOT MATCHED THEN INSERT (").identifiers(rows.columns()).append(") VALUES (");
        for (int i = 0; i < rows.columns().size(); i++) {
            if (i > 0) out.append(", ");
            out.append(V).append('.').identifier(rows.columns().get(i));
        }
        out.append(')');
        if (rows.updates()) {
            out.append(" WHEN MATCHED THEN UPDATE SET ");
            List<String> set = rows.updateColumns();
            for (int i = 0; i < set.size(); i++) {
                if (i > 0) out.append(", ");
                out.identifier(set.get(i)).append(" = ").append(V).append('.').identifier(set.get(i));
            }
            if (rows.versionColumn() != null) {
                if (!set.isEmpty()) out.append(", ");
                out.identifier(rows.versionColumn()).append(" = ").identifier(table).append('.')
                        .identifier(rows.versionColumn()).append(" + 1");
            }
        }
        if (returns) out.append(')');
    }

    // As the flush's multi-row VALUES inserts: one marker per value.
    @Override
    public int rowsPerStatement() { return 1_000; }
}
