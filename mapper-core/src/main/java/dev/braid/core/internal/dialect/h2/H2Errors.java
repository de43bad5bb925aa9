package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.ErrorDetails;
import dev.braid.dialect.ErrorKind;
import dev.braid.dialect.StandardErrors;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2's errors: the standard SQLSTATEs plus its own codes, which H2 reports as the SQLSTATE: 90067
 * (connection broken), 90098 (database closed) and 90131 (concurrent update, older versions' form of a
 * serialization failure; H2 2.4 reports a conflicting write under REPEATABLE READ or SERIALIZABLE as
 * 40001 "Deadlock detected"). H2 has no separate error fields: constraint, table and column are read
 * from its message text, which ends with the SQL and {@code [23505-224]}, both removed here.
 */
final class H2Errors extends StandardErrors {
    static final H2Errors INSTANCE = new H2Errors();

    private static final Pattern SQL_SUFFIX = Pattern.compile("; SQL statement:\\R.*", Pattern.DOTALL);
    private static final Pattern CODE_SUFFIX = Pattern.compile("\\s*\\[\\d{5}-\\d+]\\s*$");
    // Unique index or primary key violation: "PUBLIC.UQ_X INDEX PUBLIC.UQ_X_INDEX_A ON PUBLIC.ACCOUNTS(EMAIL NULLS FIRST) VALUES ..."
    private static final Pattern UNIQUE = Pattern.compile("violation: \"(?:\\w+\\.)?(\\w+)[^\"]*? ON (?:\\w+\\.)?(\\w+)\\(([^)]*)\\)");
    // Referential integrity constraint violation: "FK_X: PUBLIC.BOOKS FOREIGN KEY(AUTHOR_ID) REFERENCES ..."
    private static final Pattern FOREIGN_KEY = Pattern.compile("violation: \"(\\w+): (?:\\w+\\.)?(\\w+) FOREIGN KEY\\(([^)]*)\\)");
    // Check constraint violation: "CK_X: ..."
    private static final Pattern CHECK = Pattern.compile("[Cc]heck constraint violation: \"(?:\\w+\\.)?(\\w+)");
    // NULL not allowed for column "NAME" / Value too long for column "CODE CHARACTER VARYING(20)"
    private static final Pattern COLUMN = Pattern.compile("for column \"([^\" ]+)");

    @Override
    public ErrorKind kind(String sqlState) {
        if ("90067".equals(sqlState) || "90098".equals(sqlState)) return ErrorKind.CONNECTION_LOST;
        if ("90131".equals(sqlState)) return ErrorKind.SERIALIZATION_FAILURE;
        return super.kind(sqlState);
    }

    @Override
    public ErrorDetails details(String message) {
        String text = CODE_SUFFIX.matcher(SQL_SUFFIX.matcher(String.valueOf(message)).replaceFirst("")).replaceFirst("");
        Matcher m;
        if ((m = FOREIGN_KEY.matcher(text)).find() || (m = UNIQUE.matcher(text)).find()) {
            return new ErrorDetails(text, name(m.group(1)), name(m.group(2)), columns(m.group(3)));
        }
        if ((m = CHECK.matcher(text)).find()) {
            return new ErrorDetails(text, name(m.group(1)), null, null);
        }
        if ((m = COLUMN.matcher(text)).find()) {
            return new ErrorDetails(text, null, null, name(m.group(1)));
        }
        return ErrorDetails.of(text);
    }

    private static String columns(String columns) {
        StringBuilder out = new StringBuilder();
        for (String part : columns.split(",")) {
            String name = part.trim().split("\\s+")[0]; // "EMAIL NULLS FIRST"
            if (out.length() > 0) out.append(", ");
            out.append(name(name));
        }
        return out.toString();
    }

    // Unquoted names come back in upper case; Braid's DDL writes them in lower case.
    private static String name(String name) {
        String bare = name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1) : name;
        return bare.equals(bare.toUpperCase(Locale.ROOT)) ? bare.toLowerCase(Locale.ROOT) : bare;
    }
}
