package dev.braid.reactive.internal.exec;

import dev.braid.error.ConstraintViolationException;
import dev.braid.error.DatabaseException;
import dev.braid.statement.Bind;
import dev.braid.dialect.ErrorClassifier;
import dev.braid.dialect.ErrorKind;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Constraint violations and values the column cannot hold (too long, out of range, text the database
 * cannot store), as the dialect's {@link ErrorClassifier} classifies the SQLSTATE, as Braid exceptions
 * whose message and accessors name the constraint, table and column the driver reported, with what to fix.
 */
public final class DetailedErrors {
    private DetailedErrors() {}

    /** The Braid exception for {@code error} raised by {@code sql}, or null when it is neither kind. */
    public static DatabaseException translate(R2dbcException error, String sql, ErrorClassifier errors) {
        return translate(error, sql, List.of(), (table, column) -> null, errors);
    }

    /**
     * As {@link #translate(R2dbcException, String, ErrorClassifier)}, also naming the mapped attribute
     * ({@code Account.email}) that {@code attributes} finds for the table and column (or null), and, when the
     * driver did not name the column of a value too long or too large, the one column whose bind in
     * {@code binds} exceeds its limit.
     */
    public static DatabaseException translate(R2dbcException error, String sql, List<Bind> binds,
                                              BiFunction<String, String, String> attributes, ErrorClassifier errors) {
        String state = error.getSqlState();
        ErrorKind kind = errors.kind(state, error.getErrorCode());
        boolean constraint = error instanceof R2dbcDataIntegrityViolationException || kind == ErrorKind.CONSTRAINT_VIOLATION;
        String fix = constraint ? null : errors.valueFix(kind) != null ? errors.valueFix(kind) : valueFix(kind);
        if (!constraint && fix == null) {
            return null;
        }
        DriverErrorDetails details = DriverErrorDetails.of(error, sql, errors);
        if (!constraint && details.column() == null) {
            details = details.withColumn(OversizedBinds.column(errors, state, details, sql, binds));
        }
        if (constraint && details.column() == null) {
            details = details.withColumn(uniqueColumn(details, attributes));
        }
        String attribute = details.table() == null || details.column() == null ? null
                : attributes.apply(details.table(), details.column());
        String mapped = attribute == null ? "" : " (" + attribute + ")";
        if (constraint) {
            return new ConstraintViolationException(constraintMessage(details, mapped), sql, state, error.getErrorCode(),
                    details.constraint(), details.table(), details.column(), error);
        }
        String where = details.column() != null ? " in column " + details.location() + mapped : details.table() != null
                ? " in a column of table " + details.table() + " (the database did not say which)" : "";
        return new DatabaseException("A value does not fit" + where + ": " + details.message() + ". Fix: " + fix,
                sql, state, error.getErrorCode(), details.table(), details.column(), error);
    }

    /**
     * The column of a one-column unique constraint that the driver named without its column (MariaDB's {@code Duplicate
     * entry 'x' for key 'uq_accounts_email'}): Braid's DDL names it {@code uq_<table>_<column>}, so the column is the
     * rest of the name when the mapping has such a column in that table; otherwise null.
     */
    private static String uniqueColumn(DriverErrorDetails details, BiFunction<String, String, String> attributes) {
        String prefix = "uq_" + details.table() + "_";
        if (details.constraint() == null || details.table() == null
                || !details.constraint().regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        String column = details.constraint().substring(prefix.length());
        return attributes.apply(details.table(), column) != null ? column : null;
    }

    private static String constraintMessage(DriverErrorDetails details, String mapped) {
        StringBuilder out = new StringBuilder("Constraint ");
        out.append(details.constraint() != null ? details.constraint() + " " : "").append("violated");
        if (details.location() != null) out.append(" on ").append(details.location()).append(mapped);
        return out.append(": ").append(details.message()).toString();
    }

    private static String valueFix(ErrorKind kind) {
        return switch (kind) {
            case VALUE_TOO_LONG -> "shorten the value, or widen the column (@Column(length = ...), or precision for"
                    + " numbers) and its table";
            case VALUE_OUT_OF_RANGE -> "keep the value within the column's precision and scale, or widen them"
                    + " (@Column(precision = ..., scale = ...)) and the table";
            case INVALID_TEXT -> "remove NUL characters (\\u0000) and invalid bytes from the text: PostgreSQL text"
                    + " cannot hold them (store such data as byte[])";
            default -> null;
        };
    }
}
