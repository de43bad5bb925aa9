package dev.braid.dialect;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.List;

/** A database whose writes cannot return columns: asking for some is refused with a clear error. */
final class NoReturning implements Returning {
    private final String dialect;

    NoReturning(String dialect) {
        this.dialect = dialect;
    }

    @Override
    public void open(DataChange change, List<String> columns, SqlWriter out) {
        if (columns.isEmpty()) return;
        throw new MapperException(ErrorCode.BRAID_MAPPING, dialect + " cannot return " + columns + " from "
                + (change == DataChange.INSERT ? "an INSERT" : change == DataChange.UPDATE ? "an UPDATE" : "a DELETE")
                + (change == DataChange.INSERT ? ". Fix: assign the key in the application (no @Identity) on this database"
                : change == DataChange.UPDATE ? ". Fix: expunge the session's objects of that entity before a bulk update"
                : ". Fix: delete by key through the session, or use a dialect that returns deleted rows"));
    }

    // Bulk updates of held objects lock the keys, update them and read the rows back instead.
    @Override
    public boolean fromUpdate() { return false; }

    @Override
    public void close(DataChange change, List<String> columns, SqlWriter out) {
        // open() refused already
    }
}
