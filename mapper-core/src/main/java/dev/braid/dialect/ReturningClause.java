package dev.braid.dialect;

import java.util.List;

/** {@code INSERT ... RETURNING cols} and {@code DELETE ... RETURNING cols}. */
final class ReturningClause implements Returning {
    static final ReturningClause INSTANCE = new ReturningClause();

    private ReturningClause() {}

    @Override
    public void open(DataChange change, List<String> columns, SqlWriter out) {
        // the clause comes after the statement
    }

    @Override
    public void close(DataChange change, List<String> columns, SqlWriter out) {
        if (!columns.isEmpty()) out.append(" RETURNING ").identifiers(columns);
    }
}
