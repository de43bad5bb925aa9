package dev.braid.dialect;

import dev.braid.error.MapperException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.braid.dialect.TextWriter.longs;
import static dev.braid.dialect.TextWriter.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL each of H2's capability objects writes, without a database. */
class H2DialectCapabilitiesTest {
    private final Dialect h2 = Dialect.h2();
    private final TextWriter out = new TextWriter(h2);

    @Test
    void isFoundByNameAndProductName() {
        assertThat(h2.name()).isEqualTo("H2");
        assertThat(Dialect.forProductName("H2")).isSameAs(h2);
        assertThat(Dialect.forProductName("h2 database")).isSameAs(h2);
        assertThat(h2.serves("PostgreSQL")).isFalse();
    }

    @Test
    void pagesWithLimitAndOffsetBinds() {
        h2.paging().limitOffset(10L, 20L, out);
        assertThat(out.sql()).isEqualTo(" LIMIT $1 OFFSET $2");
        assertThat(out.values).containsExactly(10L, 20L);
        TextWriter offsetOnly = new TextWriter(h2);
        h2.paging().limitOffset(null, 5L, offsetOnly);
        assertThat(offsetOnly.sql()).isEqualTo(" OFFSET $1");
    }

    @Test
    void returnsInsertedRowsFromFinalTableAndDeletedRowsFromOldTable() {
        h2.returning().open(Returning.DataChange.INSERT, List.of("id", "order"), out);
        out.append("INSERT INTO t DEFAULT VALUES");
        h2.returning().close(Returning.DataChange.INSERT, List.of("id", "order"), out);
        assertThat(out.sql()).isEqualTo("SELECT id, \"order\" FROM FINAL TABLE (INSERT INTO t DEFAULT VALUES)");

        TextWriter delete = new TextWriter(h2);
        h2.returning().open(Returning.DataChange.DELETE, List.of("id"), delete);
        delete.append("DELETE FROM t WHERE x = 1");
        h2.returning().close(Returning.DataChange.DELETE, List.of("id"), delete);
        assertThat(delete.sql()).isEqualTo("SELECT id FROM OLD TABLE (DELETE FROM t WHERE x = 1)");

        TextWriter none = new TextWriter(h2);
        h2.returning().open(Returning.DataChange.INSERT, List.of(), none);
        h2.returning().close(Returning.DataChange.INSERT, List.of(), none);
        assertThat(none.sql()).isEmpty();
    }

    @Test
    void keysComeBackFromTheInsertAndAreNeverAllocatedAhead() {
        assertThat(h2.keyAllocation().timing()).isEqualTo(KeyAllocation.Timing.RETURNED_BY_INSERT);
        assertThatThrownBy(() -> h2.keyAllocation().allocate("t", "id", 3, out))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(dev.braid.error.ErrorCode.BRAID_INTERNAL));
    }

    @Test
    void insertsManyRowsAsValuesWithOneMarkerPerValueNullsIncluded() {
        assertThat(h2.batchWrites().inserts()).isEqualTo(BatchWrites.Inserts.VALUES_RETURNING_ORDERED_KEYS);
        h2.batchWrites().insertRows(List.of(strings("a", null), longs(1L, 2L)), out);
        assertThat(out.sql()).isEqualTo("VALUES ($1, $2), ($3, $4)");
        assertThat(out.values).containsExactly("a", 1L, null, 2L);
        assertThat(out.types).containsExactly(String.class, Long.class, String.class, Long.class);
    }

    @Test
    void updatesManyRowsWithOneMergeOverValues() {
        assertThat(h2.batchWrites().updates()).isEqualTo(BatchWrites.Updates.MERGE_VALUES);
        h2.batchWrites().updateRows("staff", "id", List.of("department_id"), List.of(longs(1L, 2L), longs(10L, 20L)), out);
        assertThat(out.sql()).isEqualTo("MERGE INTO staff USING (VALUES ($1, $2), ($3, $4)) AS braid_v (id, department_id)"
                + " ON staff.id = braid_v.id WHEN MATCHED THEN UPDATE SET department_id = braid_v.department_id");
        assertThat(out.values).containsExactly(1L, 10L, 2L, 20L);
    }

    @Test
    void deletesManyRowsByAnInListOfSingleColumnKeys() {
        assertThat(h2.batchWrites().deletes()).isEqualTo(BatchWrites.Deletes.IN_LIST);
        h2.batchWrites().deleteRowsMatching(List.of("id"), List.of(longs(4L, 5L, 6L)), out);
        assertThat(out.sql()).isEqualTo("id IN ($1, $2, $3)");
        assertThat(out.values).containsExactly(4L, 5L, 6L);
        assertThatThrownBy(() -> h2.batchWrites().deleteRowsMatching(List.of("a", "b"), List.of(longs(1L), longs(2L)), out))
                .isInstanceOf(MapperException.class).hasMessageContaining("single key column");
    }

    @Test
    void bindsShortListsAsMarkersLongOnesAsBoundedArraysAndJoinsAKeyTableForSelectin() {
        assertThat(h2.inLists().arrayThreshold()).isEqualTo(500);
        assertThat(h2.inLists().maxArrayLength()).isEqualTo(65_536);
        h2.inLists().equalsAnyOf(new Long[]{1L, 2L}, out);
        assertThat(out.sql()).isEqualTo(" = ANY($1)");
        assertThat(out.types).containsExactly(Long[].class);

        TextWriter keys = new TextWriter(h2);
        h2.inLists().keyTable().orElseThrow().write("k", "bigint", new Long[]{7L, 8L}, "braid_keys", keys);
        assertThat(keys.sql()).isEqualTo("TABLE(k bigint = $1) braid_keys");
        assertThat(keys.values).containsExactly(List.of(7L, 8L));
    }

    @Test
    void hasNoCursorsSoStreamsUseKeysetWindows() {
        assertThat(h2.cursors()).isEmpty();
    }

    @Test
    void addsAConstraintIfAbsentWithItsOwnIfNotExists() {
        h2.ddlGuards().addConstraintIfAbsent("books", "fk_books_author", w -> w.append("FOREIGN KEY (author_id) REFERENCES authors (id)"), out);
        assertThat(out.sql()).isEqualTo("ALTER TABLE books ADD CONSTRAINT IF NOT EXISTS fk_books_author"
                + " FOREIGN KEY (author_id) REFERENCES authors (id)");
    }

    @Test
    void setsTheIsolationLevelAsASessionCharacteristic() {
        assertThat(h2.transactions().beforeBegin("SERIALIZABLE"))
                .containsExactly("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertThat(h2.transactions().afterEnd("SERIALIZABLE"))
                .containsExactly("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
    }
}
