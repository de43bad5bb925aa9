package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.Returning;
import dev.braid.dialect.SqlWriter;

import java.util.List;

/**
 * {@code INSERT ... RETURNING cols} and {@code DELETE ... RETURNING cols} (MariaDB 10.5+). MariaDB's UPDATE has no
 * RETURNING clause ({@link #fromUpdate()} is false): planners lock and read the rows instead
 * ({@code SELECT ... FOR UPDATE}, the UPDATE, a re-read); a statement still asking for updated rows is refused
 * with {@code BRAID_MAPPING} and the fix.
 */
final class MariaDbReturning implements Returning {
    static final MariaDbReturning INSTANCE = new MariaDbReturning();

    private static final Returning CLAUSE = Returning.clause();
    private static final Returning NONE = Returning.unsupported("MariaDB");

    private MariaDbReturning() {}

    @Override
    public void open(DataChange change, List<String> columns, SqlWriter out) {
        (change == DataChange.UPDATE ? NONE : CLAUSE).open(change, columns, out);
    }

    @Override
    public boolean fromUpdate() { return false; }

    @Override
    public void close(DataChange change, List<String> columns, SqlWriter out) {
        (change == DataChange.UPDATE ? NONE : CLAUSE).close(change, columns, out);
    }
}
