package dev.braid.dialect;

import java.util.List;

/** One statement per row: the planners never ask for a many-row write. */
final class RowByRowWrites implements BatchWrites {
    static final RowByRowWrites INSTANCE = new RowByRowWrites();

    private RowByRowWrites() {}

    @Override
    public Inserts inserts() { return Inserts.ONE_ROW_EACH; }

    @Override
    public Updates updates() { return Updates.ONE_ROW_EACH; }

    @Override
    public Deletes deletes() { return Deletes.ONE_ROW_EACH; }

    @Override
    public void insertRows(List<ArrayBind> columns, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("This dialect inserts one row per statement");
    }

    @Override
    public void updateRows(String table, String keyColumn, List<String> setColumns, List<ArrayBind> columns, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("This dialect updates one row per statement: " + table);
    }

    @Override
    public void deleteRowsMatching(List<String> keyColumns, List<ArrayBind> keys, SqlWriter out) {
        throw dev.braid.core.internal.util.Require.bug("This dialect deletes one row per statement");
    }
}
