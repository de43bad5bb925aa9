package dev.braid.dialect;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.braid.dialect.TextWriter.longs;
import static dev.braid.dialect.TextWriter.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL each of MariaDB's capability objects writes, without a database. */
class MariaDbDialectCapabilitiesTest {
    private final Dialect mariadb = Dialect.mariadb();
    private final TextWriter out = new TextWriter(mariadb);

    @Test
    void isFoundByNameAndProductName() {
        assertThat(mariadb.name()).isEqualTo("MariaDB");
        assertThat(Dialect.forProductName("MariaDB")).isSameAs(mariadb);
        assertThat(Dialect.forProductName("mariadb")).isSameAs(mariadb);
        assertThat(mariadb.serves("PostgreSQL")).isFalse();
        assertThat(mariadb.serves("MySQL")).isFalse();
    }

    @Test
    void quotesReservedAndMixedCaseNamesWithBackticksAndBindsQuestionMarks() {
        assertThat(mariadb.identifier("books")).isEqualTo("books");
        assertThat(mariadb.identifier("order")).isEqualTo("`order`");
        assertThat(mariadb.identifier("groups")).isEqualTo("`groups`"); // MySQL 8 reserves it
        assertThat(mariadb.identifier("Odd`Name")).isEqualTo("`Odd``Name`");
        assertThat(mariadb.bindMarker(1)).isEqualTo("?");
        assertThat(mariadb.bindMarker(7)).isEqualTo("?");
        assertThat(mariadb.maxIdentifierLength()).isEqualTo(64);
    }

    @Test
    void pagesWithLimitAndOffsetBinds() {
        mariadb.paging().limitOffset(10L, 20L, out);
        assertThat(out.sql()).isEqualTo(" LIMIT ? OFFSET ?");
        assertThat(out.values).containsExactly(10L, 20L);
    }

    @Test
    void writesMariaDbColumnTypesAndAutoIncrementIdentity() {
        assertThat(mariadb.typeName(ColumnType.VARCHAR, 40, 0, 0)).isEqualTo("varchar(40)");
        assertThat(mariadb.typeName(ColumnType.VARCHAR, 0, 0, 0)).isEqualTo("varchar(255)");
        assertThat(mariadb.unboundedTextType()).isEqualTo("text"); // for unbounded strings no index covers
        assertThat(mariadb.typeName(ColumnType.VARCHAR, 16_383, 0, 0)).isEqualTo("varchar(16383)");
        assertThat(mariadb.typeName(ColumnType.VARCHAR, 16_384, 0, 0)).isEqualTo("mediumtext");
        assertThat(mariadb.typeName(ColumnType.VARCHAR, 4_194_303, 0, 0)).isEqualTo("mediumtext");
        assertThat(mariadb.typeName(ColumnType.VARCHAR, 4_194_304, 0, 0)).isEqualTo("longtext");
        assertThat(Dialect.postgresql().unboundedTextType()).isEqualTo(Dialect.postgresql().typeName(ColumnType.VARCHAR, 0, 0, 0));
        assertThat(Dialect.h2().unboundedTextType()).isEqualTo(Dialect.h2().typeName(ColumnType.VARCHAR, 0, 0, 0));
        assertThat(mariadb.typeName(ColumnType.DECIMAL, 0, 12, 2)).isEqualTo("decimal(12, 2)");
        assertThat(mariadb.typeName(ColumnType.DECIMAL, 0, 0, 0)).isEqualTo("decimal(65, 30)");
        assertThat(mariadb.typeName(ColumnType.TIMESTAMP, 0, 0, 0)).isEqualTo("datetime(6)");
        assertThat(mariadb.typeName(ColumnType.UUID, 0, 0, 0)).isEqualTo("uuid");
        assertThat(mariadb.typeName(ColumnType.BOOLEAN, 0, 0, 0)).isEqualTo("boolean");
        assertThat(mariadb.typeName(ColumnType.BINARY, 0, 0, 0)).isEqualTo("longblob");
        assertThat(mariadb.typeName(ColumnType.INTEGER, 0, 0, 0)).isEqualTo("int");
        assertThat(mariadb.identityColumn()).isEqualTo(" NOT NULL AUTO_INCREMENT");
    }

    @Test
    void defaultsInstantsToTheUtcTimeBecauseTheyAreStoredAsUtcDatetimes() {
        assertThat(mariadb.defaultExpression(ColumnType.TIMESTAMP_TZ, "CURRENT_TIMESTAMP")).isEqualTo("UTC_TIMESTAMP(6)");
        assertThat(mariadb.defaultExpression(ColumnType.TIMESTAMP_TZ, "current_timestamp(6)")).isEqualTo("UTC_TIMESTAMP(6)");
        assertThat(mariadb.defaultExpression(ColumnType.TIMESTAMP_TZ, "NOW()")).isEqualTo("UTC_TIMESTAMP(6)");
        // a local date-time column keeps the session's local time, as on H2 and PostgreSQL
        assertThat(mariadb.defaultExpression(ColumnType.TIMESTAMP, "CURRENT_TIMESTAMP")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(mariadb.defaultExpression(ColumnType.TIMESTAMP_TZ, "'2020-01-01 00:00:00'")).isEqualTo("'2020-01-01 00:00:00'");
        assertThat(Dialect.postgresql().defaultExpression(ColumnType.TIMESTAMP_TZ, "CURRENT_TIMESTAMP")).isEqualTo("CURRENT_TIMESTAMP");
    }

    @Test
    void storesJsonAndNativeEnumsAndRefusesArrays() {
        assertThat(mariadb.types().typeName(new SqlType.Json())).isEqualTo("json");
        assertThat(mariadb.types().bindMarker(new SqlType.Json(), "?")).isEqualTo("?");
        assertThat(mariadb.types().typeName(new SqlType.NamedEnum("mood", List.of("HAPPY", "O'K"))))
                .isEqualTo("enum('HAPPY', 'O''K')");
        assertThat(mariadb.types().createsEnumTypes()).isFalse();
        SqlType.ArrayOf array = new SqlType.ArrayOf(ColumnType.VARCHAR);
        assertThatThrownBy(() -> mariadb.types().typeName(array))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_MAPPING))
                .hasMessageContaining("MariaDB has no array columns").hasMessageContaining("Fix: map the values as a child table");
        assertThatThrownBy(() -> mariadb.types().arrayMatch(dev.braid.dialect.TypeSupport.ArrayMatch.OVERLAPS, w -> w.append("tags"),
                new Object[]{"a"}, array, out))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_QUERY));
    }

    @Test
    void returnsInsertedAndDeletedRowsWithAClauseAndRefusesUpdatedRows() {
        mariadb.returning().open(Returning.DataChange.INSERT, List.of("id", "order"), out);
        out.append("INSERT INTO t (a) VALUES (?)");
        mariadb.returning().close(Returning.DataChange.INSERT, List.of("id", "order"), out);
        assertThat(out.sql()).isEqualTo("INSERT INTO t (a) VALUES (?) RETURNING id, `order`");

        TextWriter delete = new TextWriter(mariadb);
        mariadb.returning().open(Returning.DataChange.DELETE, List.of("id"), delete);
        delete.append("DELETE FROM t WHERE x = 1");
        mariadb.returning().close(Returning.DataChange.DELETE, List.of("id"), delete);
        assertThat(delete.sql()).isEqualTo("DELETE FROM t WHERE x = 1 RETURNING id");

        assertThatThrownBy(() -> mariadb.returning().open(Returning.DataChange.UPDATE, List.of("id"), new TextWriter(mariadb)))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_MAPPING))
                .hasMessageContaining("MariaDB cannot return [id] from an UPDATE");
        // So planners lock and re-read instead: SELECT ... FOR UPDATE, the UPDATE, a SELECT of the written columns.
        assertThat(mariadb.returning().fromUpdate()).isFalse();
        assertThat(Dialect.postgresql().returning().fromUpdate()).isTrue();
        assertThat(Dialect.h2().returning().fromUpdate()).isTrue();
        TextWriter lock = new TextWriter(mariadb);
        lock.append("SELECT id FROM t WHERE x = 1");
        mariadb.returning().lockRows(lock);
        assertThat(lock.sql()).isEqualTo("SELECT id FROM t WHERE x = 1 FOR UPDATE");
        TextWriter none = new TextWriter(mariadb);
        mariadb.returning().open(Returning.DataChange.UPDATE, List.of(), none);
        mariadb.returning().close(Returning.DataChange.UPDATE, List.of(), none);
        assertThat(none.sql()).isEmpty();
    }

    @Test
    void keysComeBackFromTheInsert() {
        assertThat(mariadb.keyAllocation().timing()).isEqualTo(KeyAllocation.Timing.RETURNED_BY_INSERT);
    }

    @Test
    void insertsManyRowsAsValuesDeletesAsInListsAndUpdatesRowByRow() {
        assertThat(mariadb.batchWrites().inserts()).isEqualTo(BatchWrites.Inserts.VALUES_RETURNING_ORDERED_KEYS);
        assertThat(mariadb.batchWrites().updates()).isEqualTo(BatchWrites.Updates.ONE_ROW_EACH);
        assertThat(mariadb.batchWrites().deletes()).isEqualTo(BatchWrites.Deletes.IN_LIST);
        mariadb.batchWrites().insertRows(List.of(strings("a", null), longs(1L, 2L)), out);
        assertThat(out.sql()).isEqualTo("VALUES (?, ?), (?, ?)");
        assertThat(out.values).containsExactly("a", 1L, null, 2L);
        TextWriter delete = new TextWriter(mariadb);
        mariadb.batchWrites().deleteRowsMatching(List.of("id"), List.of(longs(4L, 5L)), delete);
        assertThat(delete.sql()).isEqualTo("id IN (?, ?)");
    }

    @Test
    void bindsListsAsMarkersWithoutArraysOrCursors() {
        assertThat(mariadb.inLists().arrayThreshold()).isEqualTo(Integer.MAX_VALUE);
        assertThat(mariadb.inLists().keyTable()).isEmpty();
        assertThat(mariadb.defaultInListChunkSize()).isEqualTo(1_000);
        assertThat(mariadb.cursors()).isEmpty();
    }

    @Test
    void upsertsWithOnDuplicateKeyUpdateOrInsertIgnore() {
        UpsertRows update = new UpsertRows("accounts", List.of("email", "name"), List.of(strings("a@x", "b@x"), strings("A", "B")),
                List.of("email"), null, List.of("name"), "version", List.of("id"));
        mariadb.upserts().upsert(update, out);
        assertThat(out.sql()).isEqualTo("INSERT INTO accounts (email, name) VALUES (?, ?), (?, ?)"
                + " ON DUPLICATE KEY UPDATE name = VALUES(name), version = version + 1 RETURNING id");
        assertThat(out.values).containsExactly("a@x", "A", "b@x", "B");

        TextWriter ignore = new TextWriter(mariadb);
        mariadb.upserts().upsert(new UpsertRows("links", List.of("a_id", "b_id"), List.of(longs(1L), longs(2L)),
                List.of("a_id", "b_id"), null, List.of(), null, List.of()), ignore);
        assertThat(ignore.sql()).isEqualTo("INSERT IGNORE INTO links (a_id, b_id) VALUES (?, ?)");

        // A constraint the mapping does not declare: ON DUPLICATE KEY cannot name it, so it is refused.
        assertThatThrownBy(() -> mariadb.upserts().upsert(new UpsertRows("links", List.of("a_id", "b_id"),
                List.of(longs(1L), longs(2L)), List.of(), "pk_links", List.of(), null, List.of()), new TextWriter(mariadb)))
                .isInstanceOf(dev.braid.error.MapperException.class)
                .hasMessageContaining("on constraint pk_links").hasMessageContaining("Fix: onConflict(");
    }

    @Test
    void drawsSequenceValuesTheStandardWay() {
        mariadb.sequences().nextValue("seq_orders", out);
        assertThat(out.sql()).isEqualTo("SELECT NEXT VALUE FOR seq_orders");
        TextWriter create = new TextWriter(mariadb);
        mariadb.sequences().create("seq_orders", 50, true, create);
        assertThat(create.sql()).isEqualTo("CREATE SEQUENCE IF NOT EXISTS seq_orders START WITH 1 INCREMENT BY 50");
    }

    @Test
    void addsAForeignKeyIfAbsentWithTheGuardAfterForeignKey() {
        mariadb.ddlGuards().addConstraintIfAbsent("books", "fk_books_author",
                w -> w.append("FOREIGN KEY (").identifiers(List.of("author_id")).append(") REFERENCES authors (id)"), out);
        assertThat(out.sql()).isEqualTo("ALTER TABLE books ADD CONSTRAINT fk_books_author"
                + " FOREIGN KEY IF NOT EXISTS (author_id) REFERENCES authors (id)");
    }

    @Test
    void setsTheIsolationLevelOfTheSessionAndResetsItToReadCommitted() {
        assertThat(mariadb.transactions().beforeBegin("SERIALIZABLE"))
                .containsExactly("SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertThat(mariadb.transactions().afterEnd("SERIALIZABLE"))
                .containsExactly("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        assertThat(mariadb.transactions().afterEnd("READ COMMITTED")).isEmpty();
        assertThatThrownBy(() -> mariadb.transactions().beforeBegin("SNAPSHOT; DROP TABLE x"))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT));
    }
}
