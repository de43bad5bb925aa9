package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.Identifiers;
import dev.braid.dialect.KeyAllocation;
import dev.braid.dialect.SqlWriter;

import java.nio.charset.StandardCharsets;

/**
 * Keys drawn ahead from an identity column's sequence named explicitly, without {@code pg_get_serial_sequence}
 * or {@code regclass}: {@code SELECT array_agg(nextval($1)) FROM generate_series(1, $2)}, the sequence bound as
 * text spelled as in SQL. The name is the one PostgreSQL and CockroachDB give an identity's sequence,
 * {@code <table>_<column>_seq}, shortened as PostgreSQL shortens it to fit the identifier length (the longer of
 * table and column loses a byte at a time). A sequence renamed since, or named otherwise because that name was
 * taken when the table was created, is not found: the statement then fails with SQLSTATE 42P01.
 */
final class NamedSequenceKeys implements KeyAllocation {
    private final Identifiers identifiers;
    private final int maxLength;

    NamedSequenceKeys(Identifiers identifiers, int maxLength) {
        this.identifiers = identifiers;
        this.maxLength = maxLength;
    }

    @Override
    public Timing timing() {
        return Timing.ALLOCATED_AHEAD;
    }

    @Override
    public void allocate(String table, String column, int count, SqlWriter out) {
        out.append("SELECT array_agg(nextval(").bind(identifiers.render(sequenceName(table, column)), String.class)
                .append(")) FROM generate_series(1, ").bind(count, Integer.class).append(')');
    }

    /** {@code <table>_<column>_seq}, shortened as PostgreSQL's makeObjectName does to fit {@code maxLength} bytes. */
    String sequenceName(String table, String column) {
        int available = maxLength - "_seq".length() - 1;
        String t = table;
        String c = column;
        while (bytes(t) + bytes(c) > available) {
            if (bytes(t) > bytes(c)) t = t.substring(0, t.length() - 1);
            else c = c.substring(0, c.length() - 1);
        }
        return t + "_" + c + "_seq";
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
