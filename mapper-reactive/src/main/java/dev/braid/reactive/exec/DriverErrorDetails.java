package dev.braid.reactive.exec;

import io.r2dbc.spi.R2dbcException;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a driver said about the constraint, table and column of an error: PostgreSQL's error fields
 * (r2dbc-postgresql's {@code ErrorDetails}, read reflectively so that no driver is a compile-time
 * dependency), or H2's message text. When the driver names neither table nor column, the statement's
 * own text fills them in where it can: the table it writes, and the column of the bind parameter the
 * driver blamed ({@code where: parameter $2} for a NUL byte on PostgreSQL).
 *
 * <p>H2 reports unquoted names in upper case; they are lower-cased here, as Braid's DDL writes them.
 *
 * @param message    the driver's message without the SQL that H2 appends to it
 * @param constraint the violated constraint, or null
 * @param table      the table, or null
 * @param column     the column (several joined with ", " for a composite key), or null
 * @param detail     PostgreSQL's detail field, or null; it may hold bind values, so it is for locating the
 *                   column only, never for a message
 */
public record DriverErrorDetails(String message, String constraint, String table, String column, String detail) {

    private static final Pattern H2_SQL_SUFFIX = Pattern.compile("; SQL statement:\\R.*", Pattern.DOTALL);
    private static final Pattern H2_CODE_SUFFIX = Pattern.compile("\\s*\\[\\d{5}-\\d+]\\s*$");
    // Unique index or primary key violation: "PUBLIC.UQ_X INDEX PUBLIC.UQ_X_INDEX_A ON PUBLIC.ACCOUNTS(EMAIL NULLS FIRST) VALUES ..."
    private static final Pattern H2_UNIQUE = Pattern.compile("violation: \"(?:\\w+\\.)?(\\w+)[^\"]*? ON (?:\\w+\\.)?(\\w+)\\(([^)]*)\\)");
    // Referential integrity constraint violation: "FK_X: PUBLIC.BOOKS FOREIGN KEY(AUTHOR_ID) REFERENCES ..."
    private static final Pattern H2_FOREIGN_KEY = Pattern.compile("violation: \"(\\w+): (?:\\w+\\.)?(\\w+) FOREIGN KEY\\(([^)]*)\\)");
    // Check constraint violation: "CK_X: ..."
    private static final Pattern H2_CHECK = Pattern.compile("[Cc]heck constraint violation: \"(?:\\w+\\.)?(\\w+)");
    // NULL not allowed for column "NAME" / Value too long for column "CODE CHARACTER VARYING(20)"
    private static final Pattern H2_COLUMN = Pattern.compile("for column \"([^\" ]+)");
    // PostgreSQL's detail: Key (email)=(x@y) already exists.  (only the column names are kept, not the values)
    private static final Pattern PG_KEY = Pattern.compile("^Key \\(([^)]*)\\)=");
    // PostgreSQL's where for a bad bind: portal "B_6" parameter $2
    private static final Pattern PG_PARAMETER = Pattern.compile("parameter \\$(\\d+)");
    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\"[^\"]+\"|[\\w.]+)");

    /** The details of {@code error}, raised while running {@code sql} (may be null). */
    public static DriverErrorDetails of(R2dbcException error, String sql) {
        String message = String.valueOf(error.getMessage());
        Object pg = postgresDetails(error);
        DriverErrorDetails found = pg != null ? fromPostgres(message, pg, sql) : fromH2(message);
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

    private static DriverErrorDetails fromH2(String message) {
        String text = H2_CODE_SUFFIX.matcher(H2_SQL_SUFFIX.matcher(message).replaceFirst("")).replaceFirst("");
        Matcher m;
        if ((m = H2_FOREIGN_KEY.matcher(text)).find() || (m = H2_UNIQUE.matcher(text)).find()) {
            return new DriverErrorDetails(text, h2Name(m.group(1)), h2Name(m.group(2)), h2Columns(m.group(3)), null);
        }
        if ((m = H2_CHECK.matcher(text)).find()) {
            return new DriverErrorDetails(text, h2Name(m.group(1)), null, null, null);
        }
        if ((m = H2_COLUMN.matcher(text)).find()) {
            return new DriverErrorDetails(text, null, null, h2Name(m.group(1)), null);
        }
        return new DriverErrorDetails(text, null, null, null, null);
    }

    private static DriverErrorDetails fromPostgres(String message, Object details, String sql) {
        String column = field(details, "getColumnName");
        String detail = field(details, "getDetail");
        if (column == null && detail != null) {
            Matcher key = PG_KEY.matcher(detail);
            if (key.find()) column = key.group(1);
        }
        String where = field(details, "getWhere");
        if (column == null && where != null) {
            Matcher parameter = PG_PARAMETER.matcher(where);
            if (parameter.find()) column = BoundColumns.columnOf(sql, Integer.parseInt(parameter.group(1)));
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

    private static String h2Columns(String columns) {
        StringBuilder out = new StringBuilder();
        for (String part : columns.split(",")) {
            String name = part.trim().split("\\s+")[0]; // "EMAIL NULLS FIRST"
            if (out.length() > 0) out.append(", ");
            out.append(h2Name(name));
        }
        return out.toString();
    }

    private static String h2Name(String name) {
        String bare = BoundColumns.unquote(name);
        return bare.equals(bare.toUpperCase(Locale.ROOT)) ? bare.toLowerCase(Locale.ROOT) : bare;
    }
}
