package dev.braid.dialect;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's error classifier without a database: SQLSTATEs and the texts of its detail and where fields. */
class PostgresErrorsTest {
    private final ErrorClassifier errors = Dialect.postgresql().errors();

    @Test
    void connectionLossIsClass08AndTheServerEndingTheSession() {
        for (String state : new String[]{"08006", "08003", "08P01", "57P01", "57P02", "57P03"}) {
            assertThat(errors.kind(state)).as(state).isEqualTo(ErrorKind.CONNECTION_LOST);
        }
        assertThat(errors.kind("57014")).as("query_canceled").isEqualTo(ErrorKind.OTHER);
        assertThat(errors.kind("90098")).as("H2's code").isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void aMissingNamedPreparedStatementSaysToTurnTheStatementCacheOff() {
        assertThat(errors.advice("26000", "prepared statement \"S_3\" does not exist")).isEqualTo("Fix: the"
                + " connection's server session changed under the driver, which happens behind PgBouncer (or another"
                + " pooler) in transaction or statement pooling mode; turn r2dbc-postgresql's statement cache off so it"
                + " sends unnamed statements: URL option preparedStatementCacheQueries=0 (or"
                + " PostgresqlConnectionConfiguration.builder().preparedStatementCacheQueries(0))");
        assertThat(errors.advice("26000", "cursor \"braid_cursor_1\" does not exist")).isNull();
        assertThat(errors.advice("23505", "prepared statement")).isNull();
        assertThat(Dialect.h2().errors().advice("26000", "prepared statement \"S_3\" does not exist")).isNull();
    }

    @Test
    void serializationFailureAndDeadlockAreRetryable() {
        assertThat(errors.kind("40001")).isEqualTo(ErrorKind.SERIALIZATION_FAILURE);
        assertThat(errors.kind("40P01")).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(ErrorKind.DEADLOCK.isRetryable()).isTrue();
        assertThat(Dialect.postgresql().isSerializationFailure("40001")).isTrue();
        assertThat(Dialect.postgresql().isSerializationFailure("40P01")).isTrue();
        assertThat(Dialect.postgresql().isSerializationFailure("90131")).isFalse();
        assertThat(Dialect.postgresql().isSerializationFailure("25P02")).isFalse();
    }

    @Test
    void constraintAndValueStates() {
        for (String state : new String[]{"23505", "23503", "23502", "23514"}) {
            assertThat(errors.kind(state)).as(state).isEqualTo(ErrorKind.CONSTRAINT_VIOLATION);
        }
        assertThat(errors.kind("22001")).isEqualTo(ErrorKind.VALUE_TOO_LONG);
        assertThat(errors.kind("22003")).isEqualTo(ErrorKind.VALUE_OUT_OF_RANGE);
        assertThat(errors.kind("22021")).isEqualTo(ErrorKind.INVALID_TEXT);
        assertThat(errors.kind("42P01")).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void theKeyDetailGivesTheColumnsNeverTheValues() {
        assertThat(errors.keyColumns("Key (email)=(x@example.com) already exists.")).isEqualTo("email");
        assertThat(errors.keyColumns("Key (author_id)=(999) is not present in table \"authors\".")).isEqualTo("author_id");
        assertThat(errors.keyColumns("Key (book_id, tag_id)=(1, 2) already exists.")).isEqualTo("book_id, tag_id");
        assertThat(errors.keyColumns("Failing row contains (null, 1).")).isNull();
        assertThat(errors.keyColumns(null)).isNull();
    }

    @Test
    void theWhereFieldGivesTheBlamedParameter() {
        assertThat(errors.blamedParameter("unnamed portal parameter $2")).isEqualTo(OptionalInt.of(2));
        assertThat(errors.blamedParameter("portal \"B_6\" parameter $12")).isEqualTo(OptionalInt.of(12));
        assertThat(errors.blamedParameter("PL/pgSQL function f() line 3")).isEmpty();
        assertThat(errors.blamedParameter(null)).isEmpty();
    }

    @Test
    void theLimitsOfAValueThatDoesNotFit() {
        assertThat(errors.lengthLimit("value too long for type character varying(20)")).isEqualTo(OptionalInt.of(20));
        assertThat(errors.lengthLimit("value too long for type character(3)")).isEqualTo(OptionalInt.of(3));
        assertThat(errors.lengthLimit("numeric field overflow")).isEmpty();
        assertThat(errors.numericLimit("A field with precision 12, scale 2 must round to an absolute value less than 10^10."))
                .contains(new ErrorClassifier.NumericLimit(2, BigDecimal.TEN.pow(10)));
        assertThat(errors.numericLimit("A field with precision 2, scale 2 must round to an absolute value less than 1."))
                .contains(new ErrorClassifier.NumericLimit(2, BigDecimal.ONE));
        assertThat(errors.numericLimit(null)).isEmpty();
        // H2 names the column instead, so its classifier reads no limits
        assertThat(Dialect.h2().errors().lengthLimit("value too long for type character varying(20)")).isEmpty();
    }

    @Test
    void messagesAreKeptAsTheyAre() {
        String message = "duplicate key value violates unique constraint \"uq_accounts_email\"";
        assertThat(errors.details(message)).isEqualTo(ErrorDetails.of(message));
    }

    @Test
    void anyOfTheBuiltInDialectsKnowsBothDatabasesCodes() {
        ErrorClassifier any = ErrorClassifier.anyOf(List.of(Dialect.h2().errors(), errors));
        for (String state : new String[]{"08006", "57P01", "57P02", "57P03", "90067", "90098"}) {
            assertThat(any.isConnectionLoss(state)).as(state).isTrue();
        }
        assertThat(any.kind("40P01")).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(any.keyColumns("Key (email)=(x) already exists.")).isEqualTo("email");
        assertThat(any.blamedParameter("parameter $3")).isEqualTo(OptionalInt.of(3));
        assertThat(any.details("NULL not allowed for column \"NAME\"; SQL statement:\nX [23502-240]").column()).isEqualTo("name");
        assertThat(any.details("Table \"NOPE\" not found; SQL statement:\nX [42102-240]").message()).isEqualTo("Table \"NOPE\" not found");
        assertThat(any.kind("42000")).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void aDialectWithoutItsOwnClassifierKnowsTheStandardStates() {
        Dialect plain = new DelegatingDialect(Dialect.postgresql());
        assertThat(plain.errors().kind("08006")).isEqualTo(ErrorKind.CONNECTION_LOST);
        assertThat(plain.errors().kind("57P01")).isEqualTo(ErrorKind.OTHER);
        assertThat(plain.isSerializationFailure("40001")).isTrue();
        assertThat(plain.isSerializationFailure("40P01")).isFalse();
    }

    /** A third-party dialect that only implements the required methods (by delegating): no own error classifier. */
    private record DelegatingDialect(Dialect d) implements Dialect {
        public String name() { return "plain"; }
        public String bindMarker(int index) { return d.bindMarker(index); }
        public String identifier(String name) { return d.identifier(name); }
        public String typeName(dev.braid.dialect.ColumnType type, int length, int precision, int scale) {
            return d.typeName(type, length, precision, scale);
        }
        public Returning returning() { return d.returning(); }
        public DdlGuards ddlGuards() { return d.ddlGuards(); }
        public int defaultInListChunkSize() { return d.defaultInListChunkSize(); }
        public int defaultFetchSize() { return d.defaultFetchSize(); }
        public int maxIdentifierLength() { return d.maxIdentifierLength(); }
    }
}
