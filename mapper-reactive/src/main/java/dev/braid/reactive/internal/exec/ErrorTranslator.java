package dev.braid.reactive.internal.exec;

import dev.braid.error.CommitOutcomeUnknownException;
import dev.braid.error.ConnectionLostException;
import dev.braid.error.DatabaseException;
import dev.braid.error.MapperException;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.ErrorClassifier;
import io.r2dbc.spi.R2dbcException;

/**
 * Driver exceptions to Braid exceptions that keep the SQL, the SQLSTATE and the cause. What an SQLSTATE
 * means (a lost connection, a constraint violation, ...) and what a message text names is the dialect's
 * {@link ErrorClassifier}; this class reads the driver's exception objects and builds the exceptions.
 */
public final class ErrorTranslator {
    private final ErrorClassifier errors;

    private ErrorTranslator(ErrorClassifier errors) {
        this.errors = errors;
    }

    /** The translator that reads driver errors as {@code dialect} classifies them. */
    public static ErrorTranslator of(Dialect dialect) {
        return new ErrorTranslator(dialect.errors());
    }

    /** The classifier this translator asks. */
    public ErrorClassifier errors() {
        return errors;
    }

    /** The Braid exception for a driver error while running {@code sql} (a statement, or e.g. "COMMIT"). */
    public Throwable exception(Throwable error, String sql) {
        if (error instanceof MapperException) {
            return error;
        }
        if (error instanceof R2dbcException r2dbc) {
            String state = r2dbc.getSqlState();
            String lost = connectionLossState(error);
            if (lost != null) {
                return connectionLost(r2dbc, sql, lost);
            }
            // Constraint violations and values a column cannot hold, naming the constraint, table and column.
            DatabaseException detailed = DetailedErrors.translate(r2dbc, sql, errors);
            if (detailed != null) {
                return detailed;
            }
            String advice = errors.advice(state, String.valueOf(r2dbc.getMessage()));
            return new DatabaseException("The database rejected a statement: " + r2dbc.getMessage()
                    + (advice == null ? "" : ". " + advice), sql, state, r2dbc.getErrorCode(), null, null, error);
        }
        return error;
    }

    // The error or a cause of it (drivers and proxies wrap) that says the connection is gone.
    private String connectionLossState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String state = t instanceof R2dbcException r ? r.getSqlState()
                    : t instanceof java.sql.SQLException s ? s.getSQLState() : null;
            if (errors.isConnectionLoss(state)) return state;
            String fromMessage = state == null ? errors.connectionLossState(t.getMessage()) : null; // no SQLSTATE: r2dbc-mariadb
            if (fromMessage != null) return fromMessage;
        }
        return null;
    }

    private static Throwable connectionLost(R2dbcException error, String sql, String state) {
        if ("COMMIT".equals(sql)) {
            return new CommitOutcomeUnknownException("The connection was lost while COMMIT was in flight ("
                    + error.getMessage() + "), so whether the transaction committed is unknown. Fix: do not retry"
                    + " blindly; check what the database holds (reconcile) and redo only what is missing, or make"
                    + " the work idempotent", state, error.getErrorCode(), error);
        }
        return new ConnectionLostException("The connection was lost (" + error.getMessage() + "); the statement"
                + " did not complete and the open transaction, if any, was rolled back by the database. Fix: run"
                + " the unit of work again on a new connection (the pool replaces broken ones)", sql, state,
                error.getErrorCode(), error);
    }
}
