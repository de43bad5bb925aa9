package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.ArrayBind;
import dev.braid.dialect.BatchWrites;
import dev.braid.dialect.RowLists;
import dev.braid.dialect.SqlWriter;

import java.util.List;

/**
 * MariaDB's many-row writes, one marker per value (no array binds). Inserts go as one multi-row
 * {@code INSERT ... VALUES (?, ?), (?, ?) RETURNING id}: InnoDB assigns the AUTO_INCREMENT values of one
 * statement's rows in row order (with {@code innodb_autoinc_lock_mode} 0 or 1 as one consecutive block,
 * with 2 still increasing), and RETURNING yields the rows in the order they were inserted, so the keys come back
 * increasing in row order. Deletes by key go as IN lists. Updates go row by row (MariaDB has no MERGE and
 * no UPDATE ... FROM VALUES).
 */
final class MariaDbBatchWrites implements BatchWrites {
    static final MariaDbBatchWrites INSTANCE = new MariaDbBatchWrites();

    private MariaDbBatchWrites() {}

    @Override
    public Inserts inserts() { return Inserts.VALUES_RETURNING_ORDERED_KEYS; }

    @Override
    public Updates updates() { return Updates.ONE_ROW_EACH; }

    @Override
    public Deletes deletes() { return Deletes.IN_LIST; }

    @Override
    public void insertRows(List<ArrayBind> columns, SqlWriter out) {
        RowLists.values(columns, out);
    }

    @Override
    public void updateRows(String table, String keyColumn, List<String> setColumns, List<ArrayBind> columns, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("MariaDB updates one row per statement: " + table);
    }

    @Override
    public void deleteRowsMatching(List<String> keyColumns, List<ArrayBind> keys, SqlWriter out) {
        RowLists.inList(keyColumns, keys, out);
    }
}
