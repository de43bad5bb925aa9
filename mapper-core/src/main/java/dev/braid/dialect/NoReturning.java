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
                + (change == DataChange.INSERT ? "an INSERT" : "a DELETE") + (change == DataChange.INSERT
                ? ". Fix: assign the key in the application (no @Identity) on this database"
                : ". Fix: delete by key through the session, or use a dialect that returns deleted rows"));
    }

    @Override
    public void close(DataChange change, List<String> columns, SqlWriter out) {
        // open() refused already
    }
}
