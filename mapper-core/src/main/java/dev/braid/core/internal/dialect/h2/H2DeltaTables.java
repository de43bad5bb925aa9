package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.Returning;
import dev.braid.dialect.SqlWriter;

import java.util.List;

/**
 * H2's data change delta tables: {@code SELECT id FROM FINAL TABLE (INSERT ...)} returns the inserted
 * rows (with their generated keys), {@code SELECT id FROM OLD TABLE (DELETE ...)} the deleted ones,
 * {@code SELECT id, name FROM FINAL TABLE (UPDATE ...)} the updated ones with their new values.
 */
final class H2DeltaTables implements Returning {
    static final H2DeltaTables INSTANCE = new H2DeltaTables();

    private H2DeltaTables() {}

    @Override
    public void open(DataChange change, List<String> columns, SqlWriter out) {
        if (columns.isEmpty()) return;
        out.append("SELECT ").identifiers(columns)
                .append(change == DataChange.DELETE ? " FROM OLD TABLE (" : " FROM FINAL TABLE (");
    }

    @Override
    public void close(DataChange change, List<String> columns, SqlWriter out) {
        if (!columns.isEmpty()) out.append(')');
    }
}
