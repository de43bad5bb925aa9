package dev.braid.dialect;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/** A database without upserts: each one is refused before anything is sent. */
final class NoUpserts implements Upserts {
    private final String dialectName;

    NoUpserts(String dialectName) {
        this.dialectName = dialectName;
    }

    @Override
    public void upsert(UpsertRows rows, SqlWriter out) {
        throw new MapperException(ErrorCode.BRAID_QUERY, "The " + dialectName + " dialect has no upserts, so rows of "
                + rows.table() + " cannot be inserted-or-ignored/updated. Fix: select the row first and add it if"
                + " absent, or use a dialect whose upserts() writes them");
    }

    @Override
    public int rowsPerStatement() { return 1; }
}
