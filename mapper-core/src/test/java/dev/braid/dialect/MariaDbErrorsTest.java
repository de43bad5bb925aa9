package dev.braid.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** MariaDB's error classifier without a database: SQLSTATEs, and message texts as MariaDB 10.11 words them. */
class MariaDbErrorsTest {
    private final ErrorClassifier errors = Dialect.mariadb().errors();

    @Test
    void deadlocksAreRetryableAndConnectionLossIsClass08() {
        assertThat(errors.kind("40001")).isEqualTo(ErrorKind.DEADLOCK); // 1213, the transaction was rolled back
        assertThat(Dialect.mariadb().isSerializationFailure("40001")).isTrue();
        assertThat(errors.kind("08S01")).isEqualTo(ErrorKind.CONNECTION_LOST);
        assertThat(errors.kind("23000")).isEqualTo(ErrorKind.CONSTRAINT_VIOLATION);
        assertThat(errors.kind("22001")).isEqualTo(ErrorKind.VALUE_TOO_LONG);
        assertThat(errors.kind("22003")).isEqualTo(ErrorKind.VALUE_OUT_OF_RANGE);
        assertThat(errors.kind("22007")).isEqualTo(ErrorKind.INVALID_TEXT);
        assertThat(errors.kind("HY000")).isEqualTo(ErrorKind.OTHER);
        assertThat(errors.kind(null)).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void aClosedConnectionReportedWithoutSqlStateReadsAsConnectionLoss() {
        assertThat(errors.connectionLossState("The connection is closed. Unable to send anything")).isEqualTo("08000");
        assertThat(errors.connectionLossState("Connection unexpectedly closed")).isEqualTo("08000");
        assertThat(errors.connectionLossState("Duplicate entry 'a' for key 'PRIMARY'")).isNull();
        assertThat(errors.connectionLossState(null)).isNull();
        assertThat(Dialect.postgresql().errors().connectionLossState("The connection is closed")).isNull();
    }

    @Test
    void aDuplicateKeyNamesTheKey() {
        String message = "Duplicate entry 'x@example.com' for key 'uq_accounts_email'";
        assertThat(errors.details(message)).isEqualTo(new ErrorDetails(message, "uq_accounts_email", null, null));
    }

    @Test
    void aForeignKeyFailureNamesConstraintTableAndColumns() {
        String message = "Cannot add or update a child row: a foreign key constraint fails (`braid_1`.`books`, CONSTRAINT"
                + " `fk_books_author` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`))";
        assertThat(errors.details(message)).isEqualTo(new ErrorDetails(message, "fk_books_author", "books", "author_id"));
        String parent = "Cannot delete or update a parent row: a foreign key constraint fails (`braid_1`.`tags`, CONSTRAINT"
                + " `fk_tags_pair` FOREIGN KEY (`a`, `b`) REFERENCES `pairs` (`a`, `b`))";
        assertThat(errors.details(parent).column()).isEqualTo("a, b");
    }

    @Test
    void checkNotNullTooLongAndOutOfRangeNameWhatTheyCan() {
        assertThat(errors.details("CONSTRAINT `ck_price` failed for `braid_1`.`books`"))
                .extracting(ErrorDetails::constraint, ErrorDetails::table).containsExactly("ck_price", "books");
        assertThat(errors.details("Column 'name' cannot be null").column()).isEqualTo("name");
        assertThat(errors.details("Data too long for column 'code' at row 1").column()).isEqualTo("code");
        assertThat(errors.details("Out of range value for column 'price' at row 1").column()).isEqualTo("price");
        assertThat(errors.details("Incorrect string value: '\\xF0' for column `braid_1`.`books`.`title` at row 1").column())
                .isEqualTo("title");
        assertThat(errors.details("Lock wait timeout exceeded; try restarting transaction").namesSomething()).isFalse();
    }

    @Test
    void theErrorNumberDecidesWhereTheSqlStateIsTooCoarse() {
        assertThat(errors.kind("HY000", 1205)).isEqualTo(ErrorKind.LOCK_TIMEOUT); // lock wait timeout exceeded
        assertThat(errors.kind("HY000", 1205).isRetryable()).isTrue();
        assertThat(errors.kind("40001", 1213)).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(errors.kind(null, 1213).isRetryable()).isTrue();
        assertThat(errors.kind("HY000", 1062)).isEqualTo(ErrorKind.CONSTRAINT_VIOLATION); // duplicate key
        assertThat(errors.kind(null, 1452)).isEqualTo(ErrorKind.CONSTRAINT_VIOLATION);
        assertThat(errors.kind("22001", 1406)).isEqualTo(ErrorKind.VALUE_TOO_LONG); // otherwise the SQLSTATE decides
        assertThat(errors.kind("HY000", 1146)).isEqualTo(ErrorKind.OTHER); // no such table
        assertThat(errors.kind(null, 0)).isEqualTo(ErrorKind.OTHER);
        // The anyOf classifier passes the number on; other databases' codes are left to their SQLSTATEs.
        assertThat(ErrorClassifier.anyOf(java.util.List.of(Dialect.postgresql().errors(), errors)).kind("HY000", 1205))
                .isEqualTo(ErrorKind.LOCK_TIMEOUT);
        assertThat(Dialect.postgresql().errors().kind("HY000", 1205)).isEqualTo(ErrorKind.OTHER);
        assertThat(Dialect.h2().errors().kind("40001", 0)).isEqualTo(ErrorKind.SERIALIZATION_FAILURE);
    }
}
