package dev.braid.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages show at most 1,000 characters of SQL and of the driver's text; the exception keeps the whole SQL. */
class DatabaseExceptionMessageTest {

    @Test
    void aLongStatementIsCappedInTheMessageAndKeptWhole() {
        String sql = "SELECT a.id FROM authors a WHERE a.id IN (" + "$1, ".repeat(50_000) + "$1)";
        String driver = "Too many parameters; SQL statement:\n" + sql;
        DatabaseException e = new DatabaseException("The database rejected a statement: " + driver, sql, "54000", null);
        assertThat(e.sql()).isEqualTo(sql);
        assertThat(e.getMessage().length()).isLessThan(2 * DatabaseException.MAX_SQL_IN_MESSAGE + 400);
        assertThat(e.getMessage()).startsWith("[BRAID_DATABASE] The database rejected a statement: Too many parameters; SQL statement:\nSELECT a.id")
                .contains("... (" + ("The database rejected a statement: " + driver).length()
                        + " characters in all; DatabaseException.sql() has the whole statement) [SQLSTATE 54000] while executing: SELECT a.id")
                .endsWith("... (" + sql.length() + " characters in all; DatabaseException.sql() has the whole statement)");
    }

    @Test
    void shortTextIsUnchangedAndConstraintDetailsAreExposed() {
        ConstraintViolationException e = new ConstraintViolationException("Constraint uq_accounts_email violated on accounts.email: duplicate",
                "INSERT INTO accounts (email) VALUES ($1)", "23505", "uq_accounts_email", "accounts", "email", null);
        assertThat(e).hasMessage("[BRAID_CONSTRAINT] Constraint uq_accounts_email violated on accounts.email: duplicate"
                + " [SQLSTATE 23505] while executing: INSERT INTO accounts (email) VALUES ($1)");
        assertThat(e.constraint()).isEqualTo("uq_accounts_email");
        assertThat(e.table()).isEqualTo("accounts");
        assertThat(e.column()).isEqualTo("email");
        assertThat(new ConstraintViolationException("m", "s", "23000", null).constraint()).isNull();
    }

    @Test
    void theVendorCodeIsKeptAndZeroWhenTheDriverGaveNone() {
        ConstraintViolationException duplicate = new ConstraintViolationException("duplicate", "INSERT", "23000", 1062,
                "uq_accounts_email", "accounts", "email", null);
        assertThat(duplicate.vendorCode()).isEqualTo(1062);
        assertThat(duplicate.constraint()).isEqualTo("uq_accounts_email");
        assertThat(duplicate).hasMessage("[BRAID_CONSTRAINT] duplicate [SQLSTATE 23000] while executing: INSERT");
        assertThat(new DatabaseException("deadlock", "UPDATE", "40001", 1213, null, null, null).vendorCode()).isEqualTo(1213);
        assertThat(new ConnectionLostException("gone", "SELECT 1", "08S01", 1927, null).vendorCode()).isEqualTo(1927);
        assertThat(new CommitOutcomeUnknownException("gone", null, 1927, null).vendorCode()).isEqualTo(1927);
        // PostgreSQL reports no vendor code; the constructors without one keep 0.
        assertThat(new DatabaseException("m", "s", "23505", null).vendorCode()).isZero();
        assertThat(new ConstraintViolationException("m", "s", "23505", null).vendorCode()).isZero();
        assertThat(new ConnectionLostException("m", "s", "57P01", null).vendorCode()).isZero();
    }
}
