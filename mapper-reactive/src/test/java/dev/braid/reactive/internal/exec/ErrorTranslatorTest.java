package dev.braid.reactive.internal.exec;

import dev.braid.error.CommitOutcomeUnknownException;
import dev.braid.error.ConnectionLostException;
import dev.braid.error.ConstraintViolationException;
import dev.braid.error.DatabaseException;
import dev.braid.error.ErrorCode;
import dev.braid.dialect.Dialect;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Classification of driver errors, without a database. */
class ErrorTranslatorTest {
    private static final ErrorTranslator POSTGRES = ErrorTranslator.of(Dialect.postgresql());
    private static final ErrorTranslator H2 = ErrorTranslator.of(Dialect.h2());

    // 57P0x are PostgreSQL's, 9006x H2's, class 08 everyone's.
    private static ErrorTranslator dialectOf(String state) {
        return state.startsWith("9") ? H2 : POSTGRES;
    }

    @Test
    void aLostConnectionIsNotARejectedStatement() {
        for (String state : new String[]{"08006", "08003", "57P01", "57P02", "57P03", "90067", "90098"}) {
            Throwable t = dialectOf(state).exception(new R2dbcNonTransientResourceException("gone", state), "UPDATE a SET b = $1");
            assertThat(t).as(state).isInstanceOf(ConnectionLostException.class).isNotInstanceOf(CommitOutcomeUnknownException.class);
            assertThat(((ConnectionLostException) t).code()).isEqualTo(ErrorCode.BRAID_CONNECTION_LOST);
            assertThat(t.getMessage()).contains("The connection was lost (gone)", "Fix:", "[SQLSTATE " + state + "]",
                    "while executing: UPDATE a SET b = $1");
        }
    }

    @Test
    void aLostCommitHasAnUnknownOutcome() {
        Throwable t = POSTGRES.exception(new R2dbcNonTransientResourceException("Connection closed", "08006"), "COMMIT");
        assertThat(t).isInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(((CommitOutcomeUnknownException) t).code()).isEqualTo(ErrorCode.BRAID_COMMIT_OUTCOME_UNKNOWN);
        assertThat(((CommitOutcomeUnknownException) t).sql()).isEqualTo("COMMIT");
        assertThat(t.getMessage()).contains("whether the transaction committed is unknown", "reconcile");
    }

    @Test
    void aConnectionLossWrappedByAProxyOrDriverIsFoundInTheCauses() {
        var wrapped = new R2dbcNonTransientResourceException("Failed to perform bind", (String) null,
                new SQLNonTransientConnectionException("The database has been closed", "90098"));
        assertThat(H2.exception(wrapped, "SELECT 1")).isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void otherFailuresKeepTheirCodes() {
        Throwable constraint = POSTGRES.exception(new R2dbcDataIntegrityViolationException("dup", "23505"), "INSERT");
        assertThat(constraint).isInstanceOf(ConstraintViolationException.class);
        Throwable serialization = POSTGRES.exception(new R2dbcRollbackException("could not serialize", "40001"), "COMMIT");
        assertThat(serialization).isExactlyInstanceOf(DatabaseException.class);
        assertThat(((DatabaseException) serialization).code()).isEqualTo(ErrorCode.BRAID_DATABASE);
        // A COMMIT the database refused is its own, known outcome: not committed.
        assertThat(((DatabaseException) serialization).sqlState()).isEqualTo("40001");
    }
}
