package dev.braid.reactive.internal.exec;

import dev.braid.error.ConnectionLostException;
import dev.braid.error.ConstraintViolationException;
import dev.braid.error.DatabaseException;
import dev.braid.dialect.Dialect;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The translator of a mapper asks that mapper's dialect what an SQLSTATE and a message text mean. */
class DialectErrorTranslatorTest {
    private static final String H2_NOT_NULL = "NULL not allowed for column \"NAME\"; SQL statement:\n"
            + "INSERT INTO authors (name) VALUES ($1) [23502-240]";

    @Test
    void eachDialectKnowsOnlyItsOwnConnectionLossCodes() {
        ErrorTranslator h2 = ErrorTranslator.of(Dialect.h2());
        ErrorTranslator postgres = ErrorTranslator.of(Dialect.postgresql());
        for (String state : new String[]{"57P01", "57P02", "57P03"}) {
            assertThat(postgres.exception(new R2dbcNonTransientResourceException("gone", state), "SELECT 1"))
                    .as(state).isInstanceOf(ConnectionLostException.class);
            assertThat(h2.exception(new R2dbcNonTransientResourceException("gone", state), "SELECT 1"))
                    .as(state).isExactlyInstanceOf(DatabaseException.class);
        }
        for (String state : new String[]{"90067", "90098"}) {
            assertThat(h2.exception(new R2dbcNonTransientResourceException("gone", state), "SELECT 1"))
                    .as(state).isInstanceOf(ConnectionLostException.class);
            assertThat(postgres.exception(new R2dbcNonTransientResourceException("gone", state), "SELECT 1"))
                    .as(state).isExactlyInstanceOf(DatabaseException.class);
        }
        // Class 08 is every database's, also when a driver wraps it in its cause.
        var wrapped = new R2dbcNonTransientResourceException("Failed", (String) null,
                new SQLNonTransientConnectionException("closed", "08003"));
        assertThat(h2.exception(wrapped, "SELECT 1")).isInstanceOf(ConnectionLostException.class);
        assertThat(postgres.exception(wrapped, "SELECT 1")).isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void h2sMessageTextIsReadByTheH2DialectOnly() {
        var error = new R2dbcDataIntegrityViolationException(H2_NOT_NULL, "23502");
        String sql = "INSERT INTO authors (name) VALUES ($1)";
        ConstraintViolationException h2 = (ConstraintViolationException) ErrorTranslator.of(Dialect.h2()).exception(error, sql);
        assertThat(h2.column()).isEqualTo("name");
        assertThat(h2.table()).isEqualTo("authors");
        assertThat(h2.getMessage()).startsWith("[BRAID_CONSTRAINT] Constraint violated on authors.name: NULL not allowed"
                + " for column \"NAME\" [SQLSTATE 23502]");
        ConstraintViolationException pg = (ConstraintViolationException) ErrorTranslator.of(Dialect.postgresql()).exception(error, sql);
        assertThat(pg.column()).isNull(); // PostgreSQL names columns in error fields, not in the message text
        assertThat(pg.table()).isEqualTo("authors"); // the statement's own table
    }

    @Test
    void theDriversVendorCodeIsKeptOnEveryTranslatedError() {
        ErrorTranslator mariadb = ErrorTranslator.of(Dialect.mariadb());
        var duplicate = new R2dbcDataIntegrityViolationException("Duplicate entry 'a' for key 'uq_accounts_email'", "23000", 1062);
        assertThat(mariadb.exception(duplicate, "INSERT INTO accounts (email) VALUES (?)"))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.vendorCode()).isEqualTo(1062));
        var deadlock = new io.r2dbc.spi.R2dbcTransientResourceException("Deadlock found when trying to get lock", "40001", 1213);
        assertThat(mariadb.exception(deadlock, "UPDATE t SET a = 1")).isExactlyInstanceOf(DatabaseException.class)
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.vendorCode()).isEqualTo(1213);
                    assertThat(e.sqlState()).isEqualTo("40001");
                });
        var tooLong = new R2dbcNonTransientResourceException("Data too long for column 'name' at row 1", "22001", 1406);
        assertThat(mariadb.exception(tooLong, "INSERT INTO authors (name) VALUES (?)"))
                .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.vendorCode()).isEqualTo(1406));
        var killed = new R2dbcNonTransientResourceException("Connection was killed", "08S01", 1927);
        assertThat(mariadb.exception(killed, "SELECT 1"))
                .isInstanceOfSatisfying(ConnectionLostException.class, e -> assertThat(e.vendorCode()).isEqualTo(1927));
        assertThat(mariadb.exception(killed, "COMMIT"))
                .isInstanceOfSatisfying(dev.braid.error.CommitOutcomeUnknownException.class, e -> assertThat(e.vendorCode()).isEqualTo(1927));
        // PostgreSQL's driver reports SQLSTATEs only: the vendor code is 0.
        var pgDuplicate = new R2dbcDataIntegrityViolationException("duplicate key value violates unique constraint", "23505");
        assertThat(ErrorTranslator.of(Dialect.postgresql()).exception(pgDuplicate, "INSERT INTO accounts (email) VALUES ($1)"))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.vendorCode()).isZero());
    }

    @Test
    void theExecutorTranslatesWithItsDialect() {
        assertThat(new R2dbcStatementExecutor(0, null, Dialect.postgresql()).errors()
                .exception(new R2dbcNonTransientResourceException("gone", "57P01"), "COMMIT"))
                .isInstanceOf(ConnectionLostException.class);
        assertThat(new R2dbcStatementExecutor(0, null, Dialect.h2()).errors()
                .exception(new R2dbcNonTransientResourceException("gone", "57P01"), "COMMIT"))
                .isExactlyInstanceOf(DatabaseException.class);
        // H2's own codes for a closed database are a lost connection on H2 only.
        assertThat(new R2dbcStatementExecutor(0, null, Dialect.h2()).errors().exception(
                new R2dbcNonTransientResourceException("gone", "90098"), "SELECT 1")).isInstanceOf(ConnectionLostException.class);
        assertThat(new R2dbcStatementExecutor(0, null, Dialect.postgresql()).errors().exception(
                new R2dbcNonTransientResourceException("gone", "90098"), "SELECT 1")).isExactlyInstanceOf(DatabaseException.class);
    }

    @Test
    void aMariaDbDuplicateKeyNamesTheColumnOfBraidsUniqueConstraintWhenTheMappingHasIt() {
        var error = new R2dbcDataIntegrityViolationException("Duplicate entry 'x@example.com' for key 'uq_accounts_email'",
                "23000", 1062);
        String sql = "INSERT INTO accounts (code, email) VALUES (?, ?)";
        java.util.function.BiFunction<String, String, String> mapped = (table, column) ->
                table.equals("accounts") && column.equals("email") ? "Account.email" : null;
        ConstraintViolationException found = (ConstraintViolationException) DetailedErrors.translate(error, sql,
                java.util.List.of(), mapped, Dialect.mariadb().errors());
        assertThat(found.constraint()).isEqualTo("uq_accounts_email");
        assertThat(found.table()).isEqualTo("accounts");
        assertThat(found.column()).isEqualTo("email");
        assertThat(found.getMessage()).startsWith("[BRAID_CONSTRAINT] Constraint uq_accounts_email violated on accounts.email"
                + " (Account.email): Duplicate entry 'x@example.com' for key 'uq_accounts_email' [SQLSTATE 23000]");
        // a name the mapping does not explain (another table's prefix, an unmapped column, a hand-made key): no column
        for (String key : new String[]{"uq_accounts_phone", "uq_users_email", "accounts_email_key"}) {
            var other = new R2dbcDataIntegrityViolationException("Duplicate entry 'x' for key '" + key + "'", "23000", 1062);
            assertThat(((ConstraintViolationException) DetailedErrors.translate(other, sql, java.util.List.of(), mapped,
                    Dialect.mariadb().errors())).column()).as(key).isNull();
        }
    }
}
