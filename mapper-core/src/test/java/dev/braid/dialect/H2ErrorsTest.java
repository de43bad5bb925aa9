package dev.braid.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's error classifier without a database: SQLSTATEs, and message texts as H2 2.4 words them (the
 * samples are what H2 returned for the statements of ErrorMessagesContract).
 */
class H2ErrorsTest {
    private final ErrorClassifier errors = Dialect.h2().errors();

    @Test
    void connectionLossIsClass08AndH2sBrokenConnectionAndClosedDatabase() {
        for (String state : new String[]{"08006", "08003", "08001", "90067", "90098"}) {
            assertThat(errors.kind(state)).as(state).isEqualTo(ErrorKind.CONNECTION_LOST);
            assertThat(errors.isConnectionLoss(state)).as(state).isTrue();
        }
        // PostgreSQL's "the server ended the session" codes are not H2's
        assertThat(errors.kind("57P01")).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void serializationFailuresAreRetryable() {
        assertThat(errors.kind("40001")).isEqualTo(ErrorKind.SERIALIZATION_FAILURE); // "Deadlock detected" in H2 2.4
        assertThat(errors.kind("90131")).isEqualTo(ErrorKind.SERIALIZATION_FAILURE); // older "concurrent update"
        assertThat(Dialect.h2().isSerializationFailure("40001")).isTrue();
        assertThat(Dialect.h2().isSerializationFailure("90131")).isTrue();
        assertThat(Dialect.h2().isSerializationFailure("40P01")).isFalse();
        assertThat(Dialect.h2().isSerializationFailure("23505")).isFalse();
        assertThat(Dialect.h2().isSerializationFailure(null)).isFalse();
    }

    @Test
    void constraintAndValueStates() {
        for (String state : new String[]{"23505", "23506", "23502", "23513"}) {
            assertThat(errors.kind(state)).as(state).isEqualTo(ErrorKind.CONSTRAINT_VIOLATION);
        }
        assertThat(errors.kind("22001")).isEqualTo(ErrorKind.VALUE_TOO_LONG);
        assertThat(errors.kind("22003")).isEqualTo(ErrorKind.VALUE_OUT_OF_RANGE);
        assertThat(errors.kind("22021")).isEqualTo(ErrorKind.INVALID_TEXT);
        assertThat(errors.kind("42S02")).isEqualTo(ErrorKind.OTHER);
        assertThat(errors.kind(null)).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void aUniqueViolationNamesConstraintTableAndColumnWithoutTheSqlH2Appends() {
        ErrorDetails details = errors.details("Unique index or primary key violation: \"PUBLIC.UQ_ACCOUNTS_EMAIL INDEX"
                + " PUBLIC.UQ_ACCOUNTS_EMAIL_INDEX_A ON PUBLIC.ACCOUNTS(EMAIL NULLS FIRST) VALUES ( /* 1 */ 'x@example.com' )\";"
                + " SQL statement:\nINSERT INTO accounts (id, email) VALUES (2, 'x@example.com') [23505-240]");
        assertThat(details).isEqualTo(new ErrorDetails("Unique index or primary key violation: \"PUBLIC.UQ_ACCOUNTS_EMAIL INDEX"
                + " PUBLIC.UQ_ACCOUNTS_EMAIL_INDEX_A ON PUBLIC.ACCOUNTS(EMAIL NULLS FIRST) VALUES ( /* 1 */ 'x@example.com' )\"",
                "uq_accounts_email", "accounts", "email"));
    }

    @Test
    void aCompositeKeyNamesEveryColumn() {
        ErrorDetails details = errors.details("Unique index or primary key violation: \"PUBLIC.PK_TAGS ON"
                + " PUBLIC.BOOK_TAGS(BOOK_ID, TAG_ID) VALUES ( /* 1 */ 1, 2 )\"; SQL statement:\nINSERT INTO book_tags [23505-240]");
        assertThat(details.constraint()).isEqualTo("pk_tags");
        assertThat(details.table()).isEqualTo("book_tags");
        assertThat(details.column()).isEqualTo("book_id, tag_id");
    }

    @Test
    void aForeignKeyViolationNamesConstraintTableAndColumn() {
        ErrorDetails details = errors.details("Referential integrity constraint violation: \"FK_BOOKS_AUTHOR_ID:"
                + " PUBLIC.BOOKS FOREIGN KEY(AUTHOR_ID) REFERENCES PUBLIC.AUTHORS(ID) (CAST(999 AS BIGINT))\"; SQL statement:\n"
                + "INSERT INTO books (id, author_id) VALUES (1, 999) [23506-240]");
        assertThat(details.constraint()).isEqualTo("fk_books_author_id");
        assertThat(details.table()).isEqualTo("books");
        assertThat(details.column()).isEqualTo("author_id");
        assertThat(details.message()).doesNotContain("SQL statement", "[23506-240]");
    }

    @Test
    void aCheckViolationNamesTheConstraint() {
        ErrorDetails details = errors.details("Check constraint violation: \"CK_ACCOUNTS_BALANCE: \"; SQL statement:\n"
                + "INSERT INTO accounts (id, balance) VALUES (5, -1) [23513-240]");
        assertThat(details).isEqualTo(new ErrorDetails("Check constraint violation: \"CK_ACCOUNTS_BALANCE: \"",
                "ck_accounts_balance", null, null));
    }

    @Test
    void notNullAndValueTooLongNameTheColumn() {
        assertThat(errors.details("NULL not allowed for column \"NAME\"; SQL statement:\nINSERT INTO authors (name)"
                + " VALUES (NULL) [23502-240]")).isEqualTo(new ErrorDetails("NULL not allowed for column \"NAME\"", null, null, "name"));
        ErrorDetails tooLong = errors.details("Value too long for column \"CODE CHARACTER VARYING(20)\":"
                + " \"'aaaaaaaaaaaaaaaaaaaaaaaaa' (25)\"; SQL statement:\nINSERT INTO accounts (id, code) VALUES (3, 'a') [22001-240]");
        assertThat(tooLong.column()).isEqualTo("code");
        assertThat(tooLong.message()).isEqualTo("Value too long for column \"CODE CHARACTER VARYING(20)\":"
                + " \"'aaaaaaaaaaaaaaaaaaaaaaaaa' (25)\"");
        assertThat(errors.details("Value too long for column \"BALANCE NUMERIC(12, 2)\": \"12345678901.50 (13)\"; SQL"
                + " statement:\nINSERT INTO accounts (id, balance) VALUES (4, 12345678901.5) [22001-240]").column())
                .isEqualTo("balance");
    }

    @Test
    void quotedMixedCaseNamesKeepTheirCaseAndOtherTextsNameNothing() {
        assertThat(errors.details("NULL not allowed for column \"displayName\"; SQL statement:\nX [23502-240]").column())
                .isEqualTo("displayName");
        ErrorDetails other = errors.details("Table \"NOPE\" not found; SQL statement:\nSELECT * FROM nope [42102-240]");
        assertThat(other).isEqualTo(ErrorDetails.of("Table \"NOPE\" not found"));
        assertThat(other.namesSomething()).isFalse();
        assertThat(errors.keyColumns("Key (email)=(x@y) already exists.")).isNull(); // PostgreSQL's detail field
    }
}
