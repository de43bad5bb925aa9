package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.RowLists;
import dev.braid.dialect.SqlWriter;
import dev.braid.dialect.UpsertRows;
import dev.braid.dialect.Upserts;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.List;

/**
 * MariaDB's {@code INSERT INTO t (a, b) VALUES (?, ?), ... ON DUPLICATE KEY UPDATE b = VALUES(b), version =
 * version + 1 RETURNING ...} to insert-or-update, and {@code INSERT IGNORE INTO t ... RETURNING ...} to
 * insert-or-skip (only inserted rows are returned). Atomic against a concurrent insert of the same key (InnoDB
 * waits for the other row's lock). What MariaDB cannot express: the key that counts. Both forms react to a
 * collision on any unique key of the table (the conflict columns or constraint are not written), so where a
 * table has several unique keys a row colliding on another one is updated or skipped rather than rejected.
 * {@code INSERT IGNORE} also turns other errors of the row (a NULL in a NOT NULL column, a value too long, a
 * missing foreign-key parent) into warnings: the row is then stored adjusted or skipped. A constraint the mapping
 * does not declare is refused (MariaDB would not check the name, and any key would count).
 */
final class MariaDbUpserts implements Upserts {
    static final MariaDbUpserts INSTANCE = new MariaDbUpserts();

    private MariaDbUpserts() {}

    @Override
    public void upsert(UpsertRows rows, SqlWriter out) {
        if (rows.conflictColumns().isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "MariaDB cannot upsert into " + rows.table()
                    + " on constraint " + rows.constraint() + ": the mapping declares no such constraint, and MariaDB's"
                    + " ON DUPLICATE KEY names no key (it would react to any unique key, not only " + rows.constraint()
                    + "). Fix: onConflict(<the constraint's attributes>), or declare the column unique in the mapping"
                    + " (its constraint is then named uq_<table>_<column>)");
        }
        String table = rows.table();
        out.append(rows.updates() ? "INSERT INTO " : "INSERT IGNORE INTO ").identifier(table)
                .append(" (").identifiers(rows.columns()).append(") ");
        RowLists.values(rows.rows(), out);
        if (rows.updates()) {
            out.append(" ON DUPLICATE KEY UPDATE ");
            List<String> set = rows.updateColumns();
            for (int i = 0; i < set.size(); i++) {
                if (i > 0) out.append(", ");
                out.identifier(set.get(i)).append(" = VALUES(").identifier(set.get(i)).append(')');
            }
            if (rows.versionColumn() != null) {
                if (!set.isEmpty()) out.append(", ");
                out.identifier(rows.versionColumn()).append(" = ").identifier(rows.versionColumn()).append(" + 1");
            }
        }
        if (!rows.returning().isEmpty()) out.append(" RETURNING ").identifiers(rows.returning());
    }

    // As the flush's multi-row VALUES inserts: one marker per value.
    @Override
    public int rowsPerStatement() { return 1_000; }
}
