package dev.braid.reactive.internal.exec;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a raw SQL statement sent as a query (its rows mapped) may write: {@code UPDATE ... RETURNING},
 * {@code INSERT ... RETURNING}, a data-modifying {@code WITH}. Read from its first keyword, after comments and
 * parentheses; a {@code WITH} is taken as a possible write when an INSERT, UPDATE, DELETE or MERGE keyword appears
 * in it anywhere (a string literal that contains one counts too: only read-your-writes is affected, by one more
 * position query). A {@code SELECT} of a function that writes is not recognised.
 */
final class RawVerbs {
    private static final Set<String> READS = Set.of("select", "values", "table", "show", "explain", "fetch");
    private static final Pattern DML = Pattern.compile("\\b(insert|update|delete|merge)\\b", Pattern.CASE_INSENSITIVE);

    private RawVerbs() {}

    /** Whether the statement begins as a read: SELECT, VALUES, TABLE, SHOW, EXPLAIN, FETCH, or WITH. */
    static boolean beginsAsRead(String sql) {
        String verb = firstKeyword(sql);
        return READS.contains(verb) || verb.equals("with");
    }

    /** Whether the statement may write: it does not begin as a read, or is a WITH with a data-modifying keyword. */
    static boolean mayWrite(String sql) {
        String verb = firstKeyword(sql);
        if (READS.contains(verb)) return false;
        return !verb.equals("with") || DML.matcher(sql).find();
    }

    static String firstKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) i++;
        return sql.substring(start, i).toLowerCase(Locale.ROOT);
    }
}
