package dev.braid.reactive.exec;

import dev.braid.core.error.DatabaseException;
import dev.braid.core.error.MapperException;
import io.r2dbc.spi.R2dbcException;

/** Driver exceptions to Braid exceptions that keep the SQL, the SQLSTATE and the cause. */
public final class ErrorTranslator {
    private ErrorTranslator() {}

    /** The Braid exception for a driver error while running {@code sql} (a statement, or e.g. "COMMIT"). */
    public static Throwable translate(Throwable error, String sql) {
        if (error instanceof MapperException) {
            return error;
        }
        if (error instanceof R2dbcException r2dbc) {
            String state = r2dbc.getSqlState();
            // Constraint violations and values a column cannot hold, naming the constraint, table and column.
            DatabaseException detailed = DetailedErrors.translate(r2dbc, sql);
            if (detailed != null) {
                return detailed;
            }
            return new DatabaseException("The database rejected a statement: " + r2dbc.getMessage(), sql, state, error);
        }
        return error;
    }
}
