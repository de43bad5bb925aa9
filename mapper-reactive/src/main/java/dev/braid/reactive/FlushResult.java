package dev.braid.reactive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many rows one flush (or delete by keys) wrote, per table: inserted, updated and deleted, as the
 * database reported them for each statement. Link tables of many-to-many collections count like any
 * other table; an UPDATE that fixes a row inserted in the same flush (a post-update closing a cycle)
 * counts as an update. Immutable; a flush with nothing to write gives {@link #empty()}.
 *
 * <pre>{@code
 * session.flushWithCounts().map(r -> r.inserted("books"))   // e.g. 1000
 * }</pre>
 */
public final class FlushResult {
    private static final FlushResult EMPTY = new FlushResult(Map.of());

    private final Map<String, long[]> counts; // table -> {inserted, updated, deleted}, in the order tables were written

    private FlushResult(Map<String, long[]> counts) {
        this.counts = counts;
    }

    /**
     * The result of a flush that wrote nothing.
     *
     * @return the empty result (no tables)
     */
    public static FlushResult empty() {
        return EMPTY;
    }

    /** Builds a result from per-table counts ({inserted, updated, deleted}), copied. */
    static FlushResult of(Map<String, long[]> counts) {
        if (counts.isEmpty()) return EMPTY;
        Map<String, long[]> copy = new LinkedHashMap<>();
        counts.forEach((table, c) -> copy.put(table, c.clone()));
        return new FlushResult(Collections.unmodifiableMap(copy));
    }

    /**
     * Rows inserted into a table.
     *
     * @param table the table name as mapped (e.g. {@code "books"}, or a link table)
     * @return the rows inserted; 0 for a table the flush did not write
     */
    public long inserted(String table) {
        return count(table, 0);
    }

    /**
     * Rows updated in a table.
     *
     * @param table the table name as mapped
     * @return the rows updated; 0 for a table the flush did not write
     */
    public long updated(String table) {
        return count(table, 1);
    }

    /**
     * Rows deleted from a table.
     *
     * @param table the table name as mapped
     * @return the rows deleted; 0 for a table the flush did not write
     */
    public long deleted(String table) {
        return count(table, 2);
    }

    /** @return rows inserted into all tables */
    public long totalInserted() {
        return total(0);
    }

    /** @return rows updated in all tables */
    public long totalUpdated() {
        return total(1);
    }

    /** @return rows deleted from all tables */
    public long totalDeleted() {
        return total(2);
    }

    /** @return the tables written, in the order their first statement ran */
    public Set<String> tables() {
        return counts.keySet();
    }

    /** @return true when no statement was sent */
    public boolean isEmpty() {
        return counts.isEmpty();
    }

    private long count(String table, int kind) {
        long[] c = counts.get(table);
        return c == null ? 0 : c[kind];
    }

    private long total(int kind) {
        long sum = 0;
        for (long[] c : counts.values()) sum += c[kind];
        return sum;
    }

    /** Equal when every table has the same counts. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FlushResult r) || !counts.keySet().equals(r.counts.keySet())) return false;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), r.counts.get(e.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) h += e.getKey().hashCode() ^ java.util.Arrays.hashCode(e.getValue());
        return h;
    }

    /** E.g. {@code FlushResult[authors: 1 inserted, books: 10 inserted 2 deleted]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("FlushResult[");
        String separator = "";
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            out.append(separator).append(e.getKey()).append(':');
            long[] c = e.getValue();
            if (c[0] != 0) out.append(' ').append(c[0]).append(" inserted");
            if (c[1] != 0) out.append(' ').append(c[1]).append(" updated");
            if (c[2] != 0) out.append(' ').append(c[2]).append(" deleted");
            if (c[0] == 0 && c[1] == 0 && c[2] == 0) out.append(" 0 rows");
            separator = ", ";
        }
        return out.append(']').toString();
    }
}
