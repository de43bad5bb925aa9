package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.SqlWriter;
import dev.braid.dialect.UpsertRows;
import dev.braid.dialect.Upserts;

import java.util.List;

/**
 * PostgreSQL's {@code INSERT INTO t (a, b) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (a)
 * DO NOTHING | DO UPDATE SET b = EXCLUDED.b, version = t.version + 1 RETURNING ...}; {@code ON CONFLICT ON
 * CONSTRAINT name} when a constraint is named. The rows travel as one array per column. Atomic: a row a
 * concurrent transaction inserts first is waited for, then skipped or updated.
 */
final class PostgresUpserts implements Upserts {
    static final PostgresUpserts INSTANCE = new PostgresUpserts();

    private PostgresUpserts() {}

    @Override
    public void upsert(UpsertRows rows, SqlWriter out) {
        out.append("INSERT INTO ").identifier(rows.table()).append(" (").identifiers(rows.columns()).append(") ");
        PostgresBatchWrites.INSTANCE.insertRows(rows.rows(), out);
        out.append(" ON CONFLICT ");
        if (rows.constraint() != null) {
            out.append("ON CONSTRAINT ").identifier(rows.constraint());
        } else {
            out.append('(').identifiers(rows.conflictColumns()).append(')');
        }
        if (!rows.updates()) {
            out.append(" DO NOTHING");
        } else {
            out.append(" DO UPDATE SET ");
            List<String> set = rows.updateColumns();
            for (int i = 0; i < set.size(); i++) {
                if (i > 0) out.append(", ");
                out.identifier(set.get(i)).append(" = EXCLUDED.").identifier(set.get(i));
            }
            if (rows.versionColumn() != null) {
                if (!set.isEmpty()) out.append(", ");
                out.identifier(rows.versionColumn()).append(" = ").identifier(rows.table()).append('.')
                        .identifier(rows.versionColumn()).append(" + 1");
            }
        }
        if (!rows.returning().isEmpty()) out.append(" RETURNING ").identifiers(rows.returning());
    }

    // As the flush's batched inserts: the arrays keep the text constant and have no parameter limit.
    @Override
    public int rowsPerStatement() { return 10_000; }
}
