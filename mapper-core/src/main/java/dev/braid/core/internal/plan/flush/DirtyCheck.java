package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whether an object's columns differ from its snapshot (what the database holds since its last load or
 * flush), and which. A flush checks every object the session holds, so the check reads every field in
 * one call into a reused buffer, and an untouched column (the very object the snapshot holds) costs one
 * reference comparison. One instance per unit of work: not for use by two flushes at once.
 */
final class DirtyCheck {
    // Reused by every check: what it holds are fields of objects the session holds anyway.
    private Object[] columnValues = new Object[16];

    /** True when any column of {@code state}'s object differs from its snapshot. */
    boolean isDirty(EntityState state) {
        Object[] snapshot = state.snapshot();
        EntityMapping mapping = state.mapping();
        List<ColumnMapping> columns = mapping.columns();
        if (columnValues.length < columns.size()) columnValues = new Object[Math.max(columns.size(), columnValues.length * 2)];
        Object[] values = columnValues;
        // Every field in one call (a flush checks every object the session holds).
        mapping.readColumns(state.entity(), values);
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            Object current = column.type().isPlain() ? values[i] : column.type().toDatabase(values[i]);
            // The usual case, an untouched column, is the very object the snapshot holds.
            if (current != snapshot[i] && !same(column, snapshot[i], current)) {
                return true;
            }
        }
        return false;
    }

    /** The columns whose values differ from the snapshot (never the key or version). */
    static List<ColumnMapping> changedColumns(EntityState state) {
        Object[] snapshot = state.snapshot();
        List<ColumnMapping> changed = new ArrayList<>();
        for (ColumnMapping column : state.mapping().columns()) {
            if (column.isId() || column.isVersion()) continue;
            if (!same(column, snapshot[column.index()], column.getForDatabase(state.entity()))) changed.add(column);
        }
        return changed;
    }

    /** Whether a column's driver values are the same: {@link #sameValue}, or the same content (JSON documents). */
    static boolean same(ColumnMapping column, Object a, Object b) {
        return sameValue(a, b) || column.type().sameContent(a, b);
    }

    /** The SQL type an array bind of many rows' values of {@code column} is cast to (batched writes). */
    static String arrayElementType(dev.braid.dialect.Dialect dialect, ColumnMapping column) {
        return column.type().sqlType() != null ? dialect.types().arrayElementType(column.type().sqlType())
                : dialect.arrayElementType(column.type().columnType());
    }

    /** Equality for dirty checking: arrays by content, decimals by value (1.50 equals 1.5). */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.equals(x, y);
        if (a instanceof Object[] x && b instanceof Object[] y) return Arrays.equals(x, y);
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        return Objects.equals(a, b);
    }
}
