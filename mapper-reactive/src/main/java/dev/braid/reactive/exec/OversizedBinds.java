package dev.braid.reactive.exec;

import dev.braid.core.sql.Bind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column of a value the database found too long or too large without saying which column
 * (PostgreSQL: "value too long for type character varying(20)", "numeric field overflow" with the
 * precision in its detail): the one column whose bound value exceeds the limit the driver reported.
 * Values are only compared here, never shown.
 */
final class OversizedBinds {
    private static final Pattern VARCHAR = Pattern.compile("character(?: varying)?\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile(
            "scale (\\d+) must round to an absolute value less than (?:10\\^(\\d+)|1)\\b");

    private OversizedBinds() {}

    /** The column of {@code sql} whose bind exceeds the limit the error states, or null (none, several, or unknown). */
    static String column(String state, DriverErrorDetails details, String sql, List<Bind> binds) {
        if (binds == null || binds.isEmpty()) return null;
        Set<String> columns = new LinkedHashSet<>();
        if ("22001".equals(state)) {
            Matcher m = VARCHAR.matcher(details.message());
            if (!m.find()) return null;
            int length = Integer.parseInt(m.group(1));
            collect(sql, binds, v -> v instanceof String s && s.codePointCount(0, s.length()) > length, columns);
        } else if ("22003".equals(state) && details.detail() != null) {
            Matcher m = NUMERIC.matcher(details.detail());
            if (!m.find()) return null;
            int scale = Integer.parseInt(m.group(1));
            BigDecimal limit = m.group(2) == null ? BigDecimal.ONE : BigDecimal.TEN.pow(Integer.parseInt(m.group(2)));
            collect(sql, binds, v -> v instanceof BigDecimal d
                    && d.abs().setScale(scale, RoundingMode.HALF_UP).compareTo(limit) >= 0, columns);
        }
        columns.remove(null);
        return columns.size() == 1 ? columns.iterator().next() : null;
    }

    private static void collect(String sql, List<Bind> binds, java.util.function.Predicate<Object> exceeds, Set<String> out) {
        for (int i = 0; i < binds.size(); i++) {
            Object value = binds.get(i).value();
            boolean hit = false;
            if (value instanceof Object[] array) { // one array per column in a batched INSERT
                for (Object element : array) hit |= exceeds.test(element);
            } else {
                hit = exceeds.test(value);
            }
            if (hit) out.add(BoundColumns.columnOf(sql, i + 1));
        }
    }
}
