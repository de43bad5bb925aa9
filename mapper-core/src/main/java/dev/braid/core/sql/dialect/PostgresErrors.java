package dev.braid.core.sql.dialect;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's errors: the standard SQLSTATEs plus 40P01 (deadlock_detected) and 57P01-57P03 (the
 * server ended the session: admin shutdown, crash shutdown, cannot connect now). PostgreSQL reports
 * constraint, table and column in separate error fields, which the driver exposes; of those, only the
 * detail ({@code Key (email)=(x@y) already exists.}) and where ({@code parameter $2}) need reading here.
 */
final class PostgresErrors extends StandardErrors {
    static final PostgresErrors INSTANCE = new PostgresErrors();

    // Key (email)=(x@y) already exists.  (only the column names are kept, not the values)
    private static final Pattern KEY = Pattern.compile("^Key \\(([^)]*)\\)=");
    // portal "B_6" parameter $2
    private static final Pattern PARAMETER = Pattern.compile("parameter \\$(\\d+)");

    @Override
    public ErrorKind kind(String sqlState) {
        if ("40P01".equals(sqlState)) return ErrorKind.DEADLOCK;
        if ("57P01".equals(sqlState) || "57P02".equals(sqlState) || "57P03".equals(sqlState)) {
            return ErrorKind.CONNECTION_LOST;
        }
        return super.kind(sqlState);
    }

    @Override
    public String keyColumns(String detail) {
        if (detail == null) return null;
        Matcher key = KEY.matcher(detail);
        return key.find() ? key.group(1) : null;
    }

    @Override
    public OptionalInt blamedParameter(String where) {
        if (where == null) return OptionalInt.empty();
        Matcher parameter = PARAMETER.matcher(where);
        return parameter.find() ? OptionalInt.of(Integer.parseInt(parameter.group(1))) : OptionalInt.empty();
    }
}
