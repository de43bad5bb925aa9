package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.ErrorDetails;
import dev.braid.dialect.ErrorKind;
import dev.braid.dialect.StandardErrors;
import org.jspecify.annotations.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's errors. Its SQLSTATEs are coarse (23000 for every constraint, HY000 for most others), so the kinds come
 * from the standard classes plus 40001, which MariaDB reports only for error 1213 (deadlock: the transaction was
 * rolled back, retryable), and 22007 (1366, incorrect string value). The constraint, table and column are read from
 * the message texts: 1062 {@code Duplicate entry 'x' for key 'uq_accounts_email'}, 1451/1452 {@code a foreign key
 * constraint fails (`db`.`books`, CONSTRAINT `fk_x` FOREIGN KEY (`author_id`) REFERENCES ...)}, 4025 {@code
 * CONSTRAINT `ck_x` failed for `db`.`t`}, 1048 {@code Column 'name' cannot be null}, 1406 {@code Data too long for
 * column 'code' at row 1}, 1264 {@code Out of range value for column 'price' at row 1}. A closed connection comes
 * without SQLSTATE from r2dbc-mariadb; its message reads as 08000. The error number decides where the SQLSTATE is
 * too coarse: 1213 is a deadlock and 1205 a lock-wait timeout (HY000; InnoDB rolls back only the statement, and
 * Braid's retry rolls back the rest), both retryable; 1062 (duplicate key), 1451/1452 (foreign key), 1048 (NOT
 * NULL) and 4025 (check) are constraint violations whatever SQLSTATE the driver reported.
 */
final class MariaDbErrors extends StandardErrors {
    static final MariaDbErrors INSTANCE = new MariaDbErrors();

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate entry '.*' for key '([^']+)'", Pattern.DOTALL);
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "foreign key constraint fails \\(`[^`]*`\\.`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \\(([^)]*)\\)");
    private static final Pattern CHECK = Pattern.compile("CONSTRAINT `([^`]+)` failed for `[^`]*`\\.`([^`]+)`");
    private static final Pattern COLUMN = Pattern.compile(
            "(?:Column '([^']+)' cannot be null|for column '([^']+)'|for column `[^`]*`\\.`[^`]*`\\.`([^`]+)`)");

    // r2dbc-mariadb's texts for a closed socket, which it reports without SQLSTATE.
    private static final Pattern CLOSED = Pattern.compile(
            "connection (?:is |was |unexpectedly )?closed|Connection was killed|socket (?:has been )?closed", Pattern.CASE_INSENSITIVE);

    // 08000, as MariaDB Connector/J reports a closed connection.
    @Override
    public String connectionLossState(String message) {
        return message != null && CLOSED.matcher(message).find() ? "08000" : null;
    }

    @Override
    public ErrorKind kind(String sqlState, int vendorCode) {
        return switch (vendorCode) {
            case 1213 -> ErrorKind.DEADLOCK;
            case 1205 -> ErrorKind.LOCK_TIMEOUT;
            case 1062, 1451, 1452, 1048, 4025 -> ErrorKind.CONSTRAINT_VIOLATION;
            default -> kind(sqlState);
        };
    }

    @Override
    public ErrorKind kind(String sqlState) {
        if ("40001".equals(sqlState)) return ErrorKind.DEADLOCK;
        if ("22007".equals(sqlState)) return ErrorKind.INVALID_TEXT;
        return super.kind(sqlState);
    }

    // 1366 (22007) "Incorrect string value": text the column's character set cannot hold, or (strict mode) a value too
    // long that would be cut inside a multi-byte character, which MariaDB reports so instead of 1406.
    @Override
    public @Nullable String valueFix(ErrorKind kind) {
        return kind != ErrorKind.INVALID_TEXT ? null : "shorten the value, or widen the column (@Column(length = ...)) and"
                + " its table: a value too long that would be cut inside a multi-byte character is reported so; otherwise"
                + " the column's character set cannot hold these characters (store text in utf8mb4 columns)";
    }

    @Override
    public ErrorDetails details(String message) {
        String text = String.valueOf(message);
        Matcher m;
        if ((m = FOREIGN_KEY.matcher(text)).find()) {
            return new ErrorDetails(text, m.group(2), m.group(1), m.group(3).replace("`", ""));
        }
        if ((m = DUPLICATE.matcher(text)).find()) {
            return new ErrorDetails(text, m.group(1), null, null);
        }
        if ((m = CHECK.matcher(text)).find()) {
            return new ErrorDetails(text, m.group(1), m.group(2), null);
        }
        if ((m = COLUMN.matcher(text)).find()) {
            String column = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return new ErrorDetails(text, null, null, column);
        }
        return ErrorDetails.of(text);
    }
}
