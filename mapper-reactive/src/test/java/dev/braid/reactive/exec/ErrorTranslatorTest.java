package dev.braid.reactive.exec;

import dev.braid.core.error.CommitOutcomeUnknownException;
import dev.braid.core.error.ConnectionLostException;
import dev.braid.core.error.ConstraintViolationException;
import dev.braid.core.error.DatabaseException;
import dev.braid.core.error.ErrorCode;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Classification of driver errors, without a database. */
class ErrorTranslatorTest {

    @Test
    void aLostConnectionIsNotARejectedStatement() {
        for (String state : new String[]{"08006", "08003", "57P01", "57P02", "57P03", "90067", "90098"}) {
            Throwable t = ErrorTranslator.translate(new R2dbcNonTransientResourceException("gone", state), "UPDATE a SET b = $1");
            assertThat(t).as(state).isInstanceOf(ConnectionLostException.class).isNotInstanceOf(CommitOutcomeUnknownException.class);
            assertThat(((ConnectionLostException) t).code()).isEqualTo(ErrorCode.BRAID_CONNECTION_LOST);
            assertThat(t.getMessage()).contains("The connection was lost (gone)", "Fix:", "[SQLSTATE " + state + "]",
                    "while executing: UPDATE a SET b = $1");
        }
    }

    @Test
    void aLostCommitHasAnUnknownOutcome() {
        Throwable t = ErrorTranslator.translate(new R2dbcNonTransientResourceException("Connection closed", "08006"), "COMMIT");
        assertThat(t).isInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(((CommitOutcomeUnknownException) t).code()).isEqualTo(ErrorCode.BRAID_COMMIT_OUTCOME_UNKNOWN);
        assertThat(((CommitOutcomeUnknownException) t).sql()).isEqualTo("COMMIT");
        assertThat(t.getMessage()).contains("whether the transaction committed is unknown", "reconcile");
    }

    @Test
    void aConnectionLossWrappedByAProxyOrDriverIsFoundInTheCauses() {
        var wrapped = new R2dbcNonTransientResourceException("Failed to perform bind", (String) null,
                new SQLNonTransientConnectionException("The database has been closed", "90098"));
        assertThat(ErrorTranslator.translate(wrapped, "SELECT 1")).isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void otherFailuresKeepTheirCodes() {
        Throwable constraint = ErrorTranslator.translate(new R2dbcDataIntegrityViolationException("dup", "23505"), "INSERT");
        assertThat(constraint).isInstanceOf(ConstraintViolationException.class);
        Throwable serialization = ErrorTranslator.translate(new R2dbcRollbackException("could not serialize", "40001"), "COMMIT");
        assertThat(serialization).isExactlyInstanceOf(DatabaseException.class);
        assertThat(((DatabaseException) serialization).code()).isEqualTo(ErrorCode.BRAID_DATABASE);
        // A COMMIT the database refused is its own, known outcome: not committed.
        assertThat(((DatabaseException) serialization).sqlState()).isEqualTo("40001");
    }
}
