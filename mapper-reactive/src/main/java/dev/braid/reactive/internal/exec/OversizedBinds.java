package dev.braid.reactive.internal.exec;

import dev.braid.statement.Bind;
import dev.braid.dialect.ErrorClassifier;
import dev.braid.dialect.ErrorKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The column of a value the database found too long or too large without saying which column
 * (PostgreSQL: "value too long for type character varying(20)", "numeric field overflow" with the
 * precision in its detail): the one column whose bound value exceeds the limit the driver reported, as
 * the dialect's {@link ErrorClassifier} reads it. Values are only compared here, never shown.
 */
final class OversizedBinds {

    private OversizedBinds() {}

    /** The column of {@code sql} whose bind exceeds the limit the error states, or null (none, several, or unknown). */
    static String column(ErrorClassifier errors, String state, DriverErrorDetails details, String sql, List<Bind> binds) {
        if (binds == null || binds.isEmpty()) return null;
        Set<String> columns = new LinkedHashSet<>();
        ErrorKind kind = errors.kind(state);
        if (kind == ErrorKind.VALUE_TOO_LONG) {
            OptionalInt limit = errors.lengthLimit(details.message());
            if (limit.isEmpty()) return null;
            int length = limit.getAsInt();
            collect(sql, binds, v -> v instanceof String s && s.codePointCount(0, s.length()) > length, columns);
        } else if (kind == ErrorKind.VALUE_OUT_OF_RANGE && details.detail() != null) {
            Optional<ErrorClassifier.NumericLimit> found = errors.numericLimit(details.detail());
            if (found.isEmpty()) return null;
            int scale = found.get().scale();
            BigDecimal limit = found.get().bound();
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
