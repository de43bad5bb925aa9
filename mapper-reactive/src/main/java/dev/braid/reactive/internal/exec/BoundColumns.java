package dev.braid.reactive.internal.exec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column a bind parameter of one of Braid's own INSERT or UPDATE statements writes, for errors
 * where the driver blames a parameter ({@code $2}) rather than a column. Understands the forms Braid
 * renders: {@code INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)}, {@code INSERT INTO t (a, b) SELECT *
 * FROM unnest($1::text[], $2::bigint[])} and {@code UPDATE t SET a = $1, b = $2 WHERE ...}.
 */
final class BoundColumns {
    private static final Pattern INSERT = Pattern.compile("(?i)\\bINSERT\\s+INTO\\s+(?:\"[^\"]+\"|[\\w.]+)\\s*\\(([^)]*)\\)");
    private static final Pattern UPDATE = Pattern.compile("(?is)\\bUPDATE\\s+(?:\"[^\"]+\"|[\\w.]+)\\s+SET\\s+(.*?)(?:\\s+WHERE\\b|$)");
    private static final Pattern ASSIGNMENT = Pattern.compile("(\"[^\"]+\"|\\w+)\\s*=\\s*\\$(\\d+)");
    private static final Pattern MARKER = Pattern.compile("\\$(\\d+)");

    private BoundColumns() {}

    /** The (unquoted) column that bind {@code $parameter} (1-based) of {@code sql} writes, or null when unknown. */
    static String columnOf(String sql, int parameter) {
        if (sql == null) return null;
        Matcher insert = INSERT.matcher(sql);
        if (insert.find()) {
            String[] columns = insert.group(1).split(",");
            Matcher marker = MARKER.matcher(sql);
            marker.region(insert.end(), sql.length());
            for (int position = 0; marker.find(); position++) {
                if (Integer.parseInt(marker.group(1)) == parameter) return unquote(columns[position % columns.length].trim());
            }
            return null;
        }
        Matcher update = UPDATE.matcher(sql);
        if (update.find()) {
            Matcher assignment = ASSIGNMENT.matcher(update.group(1));
            while (assignment.find()) {
                if (Integer.parseInt(assignment.group(2)) == parameter) return unquote(assignment.group(1));
            }
        }
        return null;
    }

    /** {@code "name"} without its quotes; other names as they are. */
    static String unquote(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
