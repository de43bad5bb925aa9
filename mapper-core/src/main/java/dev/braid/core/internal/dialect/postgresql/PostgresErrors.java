package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.ErrorDetails;
import dev.braid.dialect.ErrorKind;
import dev.braid.dialect.StandardErrors;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's errors: the standard SQLSTATEs plus 40P01 (deadlock_detected) and 57P01-57P03 (the
 * server ended the session: admin shutdown, crash shutdown, cannot connect now). PostgreSQL reports
 * constraint, table and column in separate error fields, which the driver exposes; of those, only the
 * detail ({@code Key (email)=(x@y) already exists.}, a numeric overflow's limit), where ({@code parameter $2})
 * and a value-too-long message's length ({@code character varying(20)}) need reading here.
 */
final class PostgresErrors extends StandardErrors {
    static final PostgresErrors INSTANCE = new PostgresErrors();

    // Key (email)=(x@y) already exists.  (only the column names are kept, not the values)
    private static final Pattern KEY = Pattern.compile("^Key \\(([^)]*)\\)=");
    // portal "B_6" parameter $2
    private static final Pattern PARAMETER = Pattern.compile("parameter \\$(\\d+)");
    // value too long for type character varying(20)
    private static final Pattern VARCHAR = Pattern.compile("character(?: varying)?\\((\\d+)\\)");
    // A field with precision 12, scale 2 must round to an absolute value less than 10^10.
    private static final Pattern NUMERIC = Pattern.compile(
            "scale (\\d+) must round to an absolute value less than (?:10\\^(\\d+)|1)\\b");

    @Override
    public ErrorKind kind(String sqlState) {
        if ("40P01".equals(sqlState)) return ErrorKind.DEADLOCK;
        if ("57P01".equals(sqlState) || "57P02".equals(sqlState) || "57P03".equals(sqlState)) {
            return ErrorKind.CONNECTION_LOST;
        }
        return super.kind(sqlState);
    }

    // 26000 invalid_sql_statement_name: a named prepared statement the server connection does not have. Behind
    // PgBouncer in transaction (or statement) pooling mode each transaction may run on another server connection,
    // and r2dbc-postgresql names the statements it caches.
    @Override
    public String advice(String sqlState, String message) {
        if (!"26000".equals(sqlState) || message == null || !message.contains("prepared statement")) return null;
        return "Fix: the connection's server session changed under the driver, which happens behind PgBouncer (or"
                + " another pooler) in transaction or statement pooling mode; turn r2dbc-postgresql's statement"
                + " cache off so it sends unnamed statements: URL option preparedStatementCacheQueries=0 (or"
                + " PostgresqlConnectionConfiguration.builder().preparedStatementCacheQueries(0))";
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

    @Override
    public OptionalInt lengthLimit(String message) {
        if (message == null) return OptionalInt.empty();
        Matcher m = VARCHAR.matcher(message);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    @Override
    public Optional<NumericLimit> numericLimit(String detail) {
        if (detail == null) return Optional.empty();
        Matcher m = NUMERIC.matcher(detail);
        if (!m.find()) return Optional.empty();
        BigDecimal bound = m.group(2) == null ? BigDecimal.ONE : BigDecimal.TEN.pow(Integer.parseInt(m.group(2)));
        return Optional.of(new NumericLimit(Integer.parseInt(m.group(1)), bound));
    }
}
