package dev.braid.dialect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.braid.dialect.TextWriter.longs;
import static dev.braid.dialect.TextWriter.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** The SQL each of PostgreSQL's capability objects writes, without a database. */
class PostgresDialectCapabilitiesTest {
    private final Dialect pg = Dialect.postgresql();
    private final TextWriter out = new TextWriter(pg);

    @Test
    void isFoundByNameAndProductName() {
        assertThat(pg.name()).isEqualTo("PostgreSQL");
        assertThat(Dialect.forProductName("PostgreSQL")).isSameAs(pg);
        assertThat(Dialect.forProductName("postgres")).isSameAs(pg);
        assertThat(pg.serves("H2")).isFalse();
    }

    @Test
    void pagesWithLimitAndOffsetBinds() {
        pg.paging().limitOffset(10L, null, out);
        assertThat(out.sql()).isEqualTo(" LIMIT $1");
        assertThat(out.values).containsExactly(10L);
    }

    @Test
    void returnsColumnsWithAReturningClause() {
        pg.returning().open(Returning.DataChange.INSERT, List.of("id"), out);
        out.append("INSERT INTO t DEFAULT VALUES");
        pg.returning().close(Returning.DataChange.INSERT, List.of("id"), out);
        assertThat(out.sql()).isEqualTo("INSERT INTO t DEFAULT VALUES RETURNING id");

        TextWriter delete = new TextWriter(pg);
        pg.returning().open(Returning.DataChange.DELETE, List.of("id", "user"), delete);
        delete.append("DELETE FROM t WHERE x = 1");
        pg.returning().close(Returning.DataChange.DELETE, List.of("id", "user"), delete);
        assertThat(delete.sql()).isEqualTo("DELETE FROM t WHERE x = 1 RETURNING id, \"user\"");
    }

    @Test
    void allocatesKeysAheadFromTheIdentitySequenceInOneStatement() {
        assertThat(pg.keyAllocation().timing()).isEqualTo(KeyAllocation.Timing.ALLOCATED_AHEAD);
        pg.keyAllocation().allocate("Order", "id", 3, out);
        assertThat(out.sql()).isEqualTo("WITH braid_seq AS MATERIALIZED (SELECT pg_get_serial_sequence($1, $2)::regclass AS s)"
                + " SELECT array_agg(nextval(braid_seq.s)) FROM braid_seq, generate_series(1, $3)");
        // the table as SQL spells it: pg_get_serial_sequence parses its first argument
        assertThat(out.values).containsExactly("\"Order\"", "id", 3);
        assertThat(out.types).containsExactly(String.class, String.class, Integer.class);
    }

    @Test
    void insertsManyRowsFromUnnestedArrays() {
        assertThat(pg.batchWrites().inserts()).isEqualTo(BatchWrites.Inserts.ARRAYS);
        pg.batchWrites().insertRows(List.of(strings("a", null), longs(1L, 2L)), out);
        assertThat(out.sql()).isEqualTo("SELECT * FROM unnest($1::text[], $2::bigint[])");
        assertThat(out.values).containsExactly(java.util.Arrays.asList("a", null), List.of(1L, 2L));
    }

    @Test
    void updatesManyRowsFromUnnestedArrays() {
        assertThat(pg.batchWrites().updates()).isEqualTo(BatchWrites.Updates.ARRAYS);
        pg.batchWrites().updateRows("staff", "id", List.of("department_id"), List.of(longs(1L, 2L), longs(10L, 20L)), out);
        assertThat(out.sql()).isEqualTo("UPDATE staff SET department_id = braid_v.department_id FROM"
                + " unnest($1::bigint[], $2::bigint[]) AS braid_v (id, department_id) WHERE staff.id = braid_v.id");
    }

    @Test
    void deletesManyRowsByAnyOfOneArrayOrByUnnestedCompositeKeys() {
        assertThat(pg.batchWrites().deletes()).isEqualTo(BatchWrites.Deletes.ARRAYS);
        pg.batchWrites().deleteRowsMatching(List.of("id"), List.of(longs(4L, 5L)), out);
        assertThat(out.sql()).isEqualTo("id = ANY($1::bigint[])");
        assertThat(out.values).containsExactly(List.of(4L, 5L));

        TextWriter composite = new TextWriter(pg);
        pg.batchWrites().deleteRowsMatching(List.of("user_id", "group_id"), List.of(longs(1L), longs(2L)), composite);
        assertThat(composite.sql()).isEqualTo("(user_id, group_id) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))");
    }

    @Test
    void bindsEveryListAsOneArrayAndHasNoKeyTable() {
        assertThat(pg.inLists().arrayThreshold()).isZero();
        assertThat(pg.inLists().maxArrayLength()).isEqualTo(Integer.MAX_VALUE);
        assertThat(pg.inLists().keyTable()).isEmpty();
        pg.inLists().equalsAnyOf(new String[]{"a"}, out);
        assertThat(out.sql()).isEqualTo(" = ANY($1)");
        assertThat(out.types).containsExactly(String[].class);
    }

    @Test
    void declaresFetchesAndClosesServerSideCursors() {
        Cursors cursors = pg.cursors().orElseThrow();
        assertThat(cursors.declare("braid_c1", "SELECT 1")).isEqualTo("DECLARE braid_c1 NO SCROLL CURSOR FOR SELECT 1");
        assertThat(cursors.fetch("braid_c1", 500)).isEqualTo("FETCH FORWARD 500 FROM braid_c1");
        assertThat(cursors.close("Cursor")).isEqualTo("CLOSE \"Cursor\"");
    }

    @Test
    void guardsAnAddedConstraintWithAnAnonymousBlock() {
        pg.ddlGuards().addConstraintIfAbsent("books", "fk_books_author", w -> w.append("FOREIGN KEY (author_id) REFERENCES authors (id)"), out);
        assertThat(out.sql()).isEqualTo("DO $$ BEGIN ALTER TABLE books ADD CONSTRAINT fk_books_author"
                + " FOREIGN KEY (author_id) REFERENCES authors (id); EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    @Test
    void letsBeginCarryTheIsolationLevel() {
        assertThat(pg.transactions().beforeBegin("SERIALIZABLE")).isEmpty();
        assertThat(pg.transactions().afterEnd("SERIALIZABLE")).isEmpty();
    }
}
