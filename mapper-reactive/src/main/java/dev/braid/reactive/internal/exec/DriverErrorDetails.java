package dev.braid.reactive.internal.exec;

import dev.braid.dialect.ErrorClassifier;
import dev.braid.dialect.ErrorDetails;
import io.r2dbc.spi.R2dbcException;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a driver said about the constraint, table and column of an error: PostgreSQL's error fields
 * (r2dbc-postgresql's {@code ErrorDetails}, read reflectively so that no driver is a compile-time
 * dependency), or the message text as the dialect's {@link ErrorClassifier} reads it (H2's). The
 * dialect also interprets the fields' texts (which columns a {@code Key (email)=} detail names). When
 * the driver names neither table nor column, the statement's own text fills them in where it can: the
 * table it writes, and the column of the bind parameter the driver blamed ({@code where: parameter $2} for a NUL byte on PostgreSQL).
 *
 * @param message    the driver's message without the SQL that H2 appends to it
 * @param constraint the violated constraint, or null
 * @param table      the table, or null
 * @param column     the column (several joined with ", " for a composite key), or null
 * @param detail     PostgreSQL's detail field, or null; it may hold bind values, so it is for locating the
 *                   column only, never for a message
 */
public record DriverErrorDetails(String message, String constraint, String table, String column, String detail) {

    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\"[^\"]+\"|[\\w.]+)");

    /**
     * The details of {@code error}, raised while running {@code sql} (may be null), as {@code errors}
     * (the mapper's dialect's) interprets the driver's texts.
     */
    public static DriverErrorDetails of(R2dbcException error, String sql, ErrorClassifier errors) {
        String message = String.valueOf(error.getMessage());
        Object pg = postgresDetails(error);
        DriverErrorDetails found = pg != null ? fromPostgres(message, pg, sql, errors) : fromMessage(message, errors);
        String table = found.table != null ? found.table : writtenTable(sql);
        return new DriverErrorDetails(found.message, found.constraint, table, found.column, found.detail);
    }

    /** These details with {@code column} found another way (from the statement's binds). */
    DriverErrorDetails withColumn(String column) {
        return new DriverErrorDetails(message, constraint, table, column, detail);
    }

    /** {@code table.column}, {@code table} or {@code column}, whichever the driver said; null for neither. */
    public String location() {
        if (table != null && column != null && !column.contains(",")) return table + "." + column;
        if (table != null && column != null) return table + " (" + column + ")";
        return table != null ? table : column;
    }

    private static DriverErrorDetails fromMessage(String message, ErrorClassifier errors) {
        ErrorDetails read = errors.details(message);
        return new DriverErrorDetails(read.message(), read.constraint(), read.table(), read.column(), null);
    }

    private static DriverErrorDetails fromPostgres(String message, Object details, String sql, ErrorClassifier errors) {
        String column = field(details, "getColumnName");
        String detail = field(details, "getDetail");
        if (column == null) column = errors.keyColumns(detail);
        if (column == null) {
            OptionalInt parameter = errors.blamedParameter(field(details, "getWhere"));
            if (parameter.isPresent()) column = BoundColumns.columnOf(sql, parameter.getAsInt());
        }
        return new DriverErrorDetails(message, field(details, "getConstraintName"), field(details, "getTableName"), column,
                detail);
    }

    /** r2dbc-postgresql's {@code PostgresqlException.getErrorDetails()}, or null for other drivers. */
    private static Object postgresDetails(R2dbcException error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                if (contract.getName().equals("io.r2dbc.postgresql.api.PostgresqlException")) {
                    try {
                        return contract.getMethod("getErrorDetails").invoke(error);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return null; // another driver version: fall back to the message
                    }
                }
            }
        }
        return null;
    }

    private static String field(Object details, String getter) {
        try {
            Method method = details.getClass().getMethod(getter);
            Object value = method.invoke(details);
            Object unwrapped = value instanceof Optional<?> optional ? optional.orElse(null) : value;
            return unwrapped == null ? null : unwrapped.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The table an INSERT, UPDATE or DELETE writes (unquoted), or null. */
    static String writtenTable(String sql) {
        if (sql == null) return null;
        Matcher m = WRITTEN_TABLE.matcher(sql);
        return m.find() ? BoundColumns.unquote(m.group(1)) : null;
    }
}
