package dev.braid.dialect;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a database's errors read: which SQLSTATEs mean a lost connection, a serialization failure, a
 * deadlock, a constraint violation or a value that does not fit, and what its message texts say about
 * the constraint, table and column. Pure: it sees only the SQLSTATE and the driver's texts, never a
 * driver type, so each dialect owns the interpretation while mapper-reactive reads the driver's objects.
 * Obtained from {@link Dialect#errors()}.
 */
public interface ErrorClassifier {

    /**
     * What kind of failure an error with {@code sqlState} is.
     *
     * @param sqlState the SQLSTATE the driver reported (may be null)
     * @return the kind; {@link ErrorKind#OTHER} for null or an unknown state
     */
    ErrorKind kind(@Nullable String sqlState);

    /**
     * What kind of failure an error is, from its SQLSTATE and the database's own error number, for databases
     * whose SQLSTATEs are too coarse (MariaDB reports lock-wait timeout 1205 as HY000). By default: the
     * SQLSTATE alone.
     *
     * @param sqlState   the SQLSTATE the driver reported (may be null)
     * @param vendorCode the database's error number ({@code R2dbcException.getErrorCode()}; 0 when none)
     * @return the kind; {@link ErrorKind#OTHER} when neither tells
     */
    default ErrorKind kind(@Nullable String sqlState, int vendorCode) {
        return kind(sqlState);
    }

    /**
     * What to do about an error that Braid does not otherwise explain, when the database's error tells (for
     * example PostgreSQL's {@code prepared statement "S_3" does not exist} behind a transaction-pooling proxy).
     * By default: nothing.
     *
     * @param sqlState the SQLSTATE the driver reported (may be null)
     * @param message  the driver's error message
     * @return a sentence starting with {@code Fix:}, or null
     */
    default @Nullable String advice(@Nullable String sqlState, String message) {
        return null;
    }

    /**
     * What a driver's message text says. By default: the message as it is, naming nothing.
     *
     * @param message the driver's error message
     * @return the constraint, table and column the message names (each null when it names none), and the
     *         message cleaned for display
     */
    default ErrorDetails details(String message) {
        return ErrorDetails.of(message);
    }

    /**
     * The column names in a structured error detail such as PostgreSQL's {@code Key (email)=(x@y) already exists.}
     * (only the names, never the values). By default: none.
     *
     * @param detail the driver's structured detail field, or null when it has none
     * @return the column names joined with {@code ", "}, or null when the detail names none
     */
    default @Nullable String keyColumns(@Nullable String detail) {
        return null;
    }

    /**
     * The bind parameter that a structured "where" field blames ({@code parameter $2}). By default: none.
     *
     * @param where the driver's "where" field, or null when it has none
     * @return the 1-based parameter index, or empty when the field blames none
     */
    default OptionalInt blamedParameter(@Nullable String where) {
        return OptionalInt.empty();
    }

    /**
     * What to do about a value of {@code kind} that this database refused, where its meaning differs from the
     * common one (MariaDB's 22007 is also a value too long that would be cut inside a character). By default: none,
     * for Braid's common advice.
     *
     * @param kind the kind of the error
     * @return the fix, or null for the common one
     */
    default @Nullable String valueFix(ErrorKind kind) {
        return null;
    }

    /**
     * The most characters a value may have, as the message of a value-too-long error states it without
     * naming the column (PostgreSQL: {@code value too long for type character varying(20)}). By default: none.
     *
     * @param message the driver's error message, or null
     * @return the length limit, or empty when the message states none
     */
    default OptionalInt lengthLimit(@Nullable String message) {
        return OptionalInt.empty();
    }

    /**
     * The scale and bound of a numeric overflow, as a structured error detail states it (PostgreSQL: {@code A field
     * with precision 12, scale 2 must round to an absolute value less than 10^10.}). By default: none.
     *
     * @param detail the driver's structured detail field, or null when it has none
     * @return the column's numeric limit, or empty when the detail states none
     */
    default Optional<NumericLimit> numericLimit(@Nullable String detail) {
        return Optional.empty();
    }

    /**
     * A column's numeric limit: a value rounded to {@code scale} digits must be less than {@code bound} in absolute value.
     *
     * @param scale digits after the decimal point
     * @param bound the exclusive limit of the absolute value
     */
    record NumericLimit(int scale, BigDecimal bound) {}

    /**
     * Shorthand for {@code kind(sqlState) == CONNECTION_LOST}.
     *
     * @param sqlState the SQLSTATE the driver reported, or null
     * @return true when the error means the connection is gone
     */
    default boolean isConnectionLoss(@Nullable String sqlState) {
        return kind(sqlState) == ErrorKind.CONNECTION_LOST;
    }

    /**
     * The SQLSTATE meaning a lost connection for an error the driver reported without one, read from its message
     * (r2dbc-mariadb reports a closed socket as "The connection is closed" with no SQLSTATE). By default: none.
     *
     * @param message the driver's error message, or null
     * @return a class-08 SQLSTATE when the message says the connection is gone, else null
     */
    default @Nullable String connectionLossState(@Nullable String message) {
        return null;
    }

    /**
     * For code that does not know the database: the first kind other than OTHER that any of
     * {@code classifiers} reports, and the first message details that name something (else the first
     * classifier's cleaned message).
     *
     * @param classifiers the classifiers to ask, in order (copied)
     * @return a classifier combining them
     */
    static ErrorClassifier anyOf(List<ErrorClassifier> classifiers) {
        List<ErrorClassifier> all = List.copyOf(classifiers);
        return new ErrorClassifier() {
            @Override
            public ErrorKind kind(@Nullable String sqlState) {
                for (ErrorClassifier c : all) {
                    ErrorKind kind = c.kind(sqlState);
                    if (kind != ErrorKind.OTHER) return kind;
                }
                return ErrorKind.OTHER;
            }

            @Override
            public ErrorKind kind(@Nullable String sqlState, int vendorCode) {
                for (ErrorClassifier c : all) {
                    ErrorKind kind = c.kind(sqlState, vendorCode);
                    if (kind != ErrorKind.OTHER) return kind;
                }
                return ErrorKind.OTHER;
            }

            @Override
            public ErrorDetails details(String message) {
                ErrorDetails first = null;
                for (ErrorClassifier c : all) {
                    ErrorDetails details = c.details(message);
                    if (details.namesSomething()) return details;
                    if (first == null) first = details;
                }
                return first != null ? first : ErrorDetails.of(message);
            }

            @Override
            public @Nullable String keyColumns(@Nullable String detail) {
                for (ErrorClassifier c : all) {
                    String columns = c.keyColumns(detail);
                    if (columns != null) return columns;
                }
                return null;
            }

            @Override
            public OptionalInt lengthLimit(@Nullable String message) {
                for (ErrorClassifier c : all) {
                    OptionalInt length = c.lengthLimit(message);
                    if (length.isPresent()) return length;
                }
                return OptionalInt.empty();
            }

            @Override
            public Optional<NumericLimit> numericLimit(@Nullable String detail) {
                for (ErrorClassifier c : all) {
                    Optional<NumericLimit> limit = c.numericLimit(detail);
                    if (limit.isPresent()) return limit;
                }
                return Optional.empty();
            }

            @Override
            public OptionalInt blamedParameter(@Nullable String where) {
                for (ErrorClassifier c : all) {
                    OptionalInt parameter = c.blamedParameter(where);
                    if (parameter.isPresent()) return parameter;
                }
                return OptionalInt.empty();
            }
        };
    }
}
