package dev.braid.reactive;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.error.DatabaseException;
import dev.braid.error.ErrorCode;
import dev.braid.mapping.MappingRegistry;
import dev.braid.testkit.MariaDbTestDatabase;
import dev.braid.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB's types for a String without a length: varchar(255) where an index must cover the column (keys, unique and
 * foreign-key columns, columns a foreign key refers to), since TEXT cannot be a key; text (65,535 bytes) elsewhere, so
 * that long values fit, and a value too long even for that is refused naming the column, never cut.
 */
class MariaDbUnboundedStringsTest extends MapperTestBase {

    @Entity(table = "shelves")
    static class Shelf {
        @Id String label;
        @Column(unique = true) String code;
        String note;
    }

    @Entity(table = "memos")
    static class Memo {
        @Id @Identity Long id;
        @ForeignKey(entity = Shelf.class) String shelfLabel;
        @ForeignKey(table = "shelves", column = "code") String shelfCode;
        String body;
        @Column(length = 20_000) String appendix;
    }

    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }

    @Override
    protected MappingRegistry registry() {
        return MappingRegistry.builder().entity(Shelf.class, Memo.class).build();
    }

    private static Memo memo(String body) {
        Memo memo = new Memo();
        memo.body = body;
        return memo;
    }

    @Test
    void keyedStringsAreVarchar255AndTheOthersText() {
        assertThat(mapper.schema().createStatements()).startsWith(
                "CREATE TABLE shelves (label varchar(255) NOT NULL, code varchar(255), note text, PRIMARY KEY (label),"
                        + " CONSTRAINT uq_shelves_code UNIQUE (code))",
                "CREATE TABLE memos (id bigint NOT NULL AUTO_INCREMENT, shelf_label varchar(255), shelf_code varchar(255),"
                        + " body text, appendix mediumtext, PRIMARY KEY (id), CONSTRAINT fk_memos_shelf_label FOREIGN KEY"
                        + " (shelf_label) REFERENCES shelves (label), CONSTRAINT fk_memos_shelf_code FOREIGN KEY (shelf_code)"
                        + " REFERENCES shelves (code))");
    }

    @Test
    void aLongValueFitsInTextAndOneTooLongForItIsRefusedNamingTheColumn() {
        Shelf shelf = new Shelf();
        shelf.label = "A";
        shelf.code = "a";
        Memo memo = new Memo();
        memo.shelfLabel = "A";
        memo.body = "b".repeat(65_535); // text's limit, in bytes
        memo.appendix = "c".repeat(20_000);
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(shelf).then(s.add(memo)))).expectNextCount(1).verifyComplete();
        assertThat(rows("SELECT CHAR_LENGTH(body), CHAR_LENGTH(appendix) FROM memos")).containsExactly(List.of(65_535, 20_000));

        String insert = "INSERT INTO memos (shelf_label, shelf_code, body, appendix) VALUES (?, ?, ?, ?) RETURNING id";
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(memo("b".repeat(65_536)))))
                .expectErrorSatisfies(e -> {
                    DatabaseException error = (DatabaseException) e;
                    assertThat(error.code()).isEqualTo(ErrorCode.BRAID_DATABASE);
                    assertThat(error.sqlState()).isEqualTo("22001");
                    assertThat(error.table()).isEqualTo("memos");
                    assertThat(error.column()).isEqualTo("body");
                    assertThat(e.getMessage()).isEqualTo("[BRAID_DATABASE] A value does not fit in column memos.body (Memo.body):"
                            + " Data too long for column 'body' at row 1. Fix: shorten the value, or widen the column"
                            + " (@Column(length = ...), or precision for numbers) and its table [SQLSTATE 22001] while executing: "
                            + insert);
                })
                .verify(TIMEOUT);
        // 65,536 bytes of two-byte characters: cut inside a character, which MariaDB reports as an incorrect string
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(memo("\u00e9".repeat(32_768)))))
                .expectErrorSatisfies(e -> {
                    DatabaseException error = (DatabaseException) e;
                    assertThat(error.sqlState()).isEqualTo("22007");
                    assertThat(error.column()).isEqualTo("body");
                    assertThat(e.getMessage()).isEqualTo("[BRAID_DATABASE] A value does not fit in column memos.body (Memo.body):"
                            + " Incorrect string value: '\\xC3\\xA9' for column `" + ((MariaDbTestDatabase) database()).database()
                            + "`.`memos`.`body` at row 1. Fix: shorten the value, or widen the column (@Column(length = ...)) and"
                            + " its table: a value too long that would be cut inside a multi-byte character is reported so;"
                            + " otherwise the column's character set cannot hold these characters (store text in utf8mb4"
                            + " columns) [SQLSTATE 22007] while executing: " + insert);
                })
                .verify(TIMEOUT);
        assertThat(recorder().statements()).hasSize(2);
        assertThat(count("memos")).isEqualTo(1);
    }
}
