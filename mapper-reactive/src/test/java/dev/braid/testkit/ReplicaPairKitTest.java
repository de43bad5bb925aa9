package dev.braid.testkit;

import io.r2dbc.spi.R2dbcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link PostgresReplicaPair} does what replica-routing tests rely on: the standby follows the primary, its replay
 * can be paused, it refuses writes, and it can be stopped and started. (Not named {@code Postgres*Test}: the
 * PgBouncer and BlockHound executions re-run those, and the pair has nothing to do with either.)
 */
class ReplicaPairKitTest {

    private static PostgresReplicaPair pair;

    @BeforeAll
    static void startPair() {
        pair = PostgresReplicaPair.shared(); // -Dbraid.skipReplicas=true: the whole class is skipped here
    }

    @BeforeEach
    void emptySchema() {
        pair.resetSchema();
    }

    @AfterEach
    void restoreReplica() {
        pair.resetSchema(); // a failed test may leave replay paused or the standby stopped for the next class
    }

    @Test
    void describesTwoServersWithTheTestDatabase() {
        assertThat(pair.primaryPort()).isNotEqualTo(pair.replicaPort()).isNotEqualTo(5432);
        assertThat(pair.database()).isEqualTo("braid");
        assertThat(pair.sql(false, "SELECT current_database()")).isEqualTo("braid");
        assertThat(pair.sql(true, "SELECT current_database()")).isEqualTo("braid");
        assertThat(pair.sql(false, "SELECT pg_is_in_recovery()::text")).isEqualTo("false");
        assertThat(pair.sql(true, "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
        assertThat(pair.sql(false, "SHOW port")).isEqualTo(Integer.toString(pair.primaryPort()));
        assertThat(pair.sql(true, "SHOW port")).isEqualTo(Integer.toString(pair.replicaPort()));
    }

    @Test
    void aTableAndRowWrittenOnThePrimaryAppearOnTheReplica() {
        pair.sql(false, "CREATE TABLE author (id int PRIMARY KEY, name text)");
        pair.sql(false, "INSERT INTO author VALUES (1, 'Ursula')");

        pair.awaitReplicaCaughtUp();

        assertThat(pair.sql(true, "SELECT name FROM author WHERE id = 1")).isEqualTo("Ursula");
    }

    @Test
    void withReplayPausedANewRowIsOnlyOnThePrimaryUntilResumed() {
        pair.sql(false, "CREATE TABLE author (id int PRIMARY KEY, name text)");
        pair.awaitReplicaCaughtUp();

        pair.pauseReplay();
        pair.sql(false, "INSERT INTO author VALUES (2, 'Octavia')");

        assertThat(pair.sql(false, "SELECT count(*) FROM author")).isEqualTo("1");
        assertThat(pair.sql(true, "SELECT count(*) FROM author")).isEqualTo("0");
        assertThat(pair.sql(true, "SELECT pg_get_wal_replay_pause_state()")).isEqualTo("paused");

        pair.resumeReplay();
        pair.awaitReplicaCaughtUp();

        assertThat(pair.sql(true, "SELECT name FROM author WHERE id = 2")).isEqualTo("Octavia");
    }

    @Test
    void theReplicaRefusesWritesAsAReadOnlyTransaction() {
        pair.sql(false, "CREATE TABLE author (id int PRIMARY KEY, name text)");
        pair.awaitReplicaCaughtUp();

        Throwable thrown = catchThrowable(() -> pair.sql(true, "INSERT INTO author VALUES (3, 'Iain')"));

        assertThat(thrown).isInstanceOf(R2dbcException.class);
        assertThat(((R2dbcException) thrown).getSqlState()).isEqualTo("25006");
        assertThat(pair.sql(false, "SELECT count(*) FROM author")).isEqualTo("0");
    }

    @Test
    void aStoppedReplicaRefusesConnectionsAndAnswersAgainOnceStarted() {
        pair.sql(false, "CREATE TABLE author (id int PRIMARY KEY, name text)");

        pair.stopReplica();

        assertThatThrownBy(() -> Mono.from(pair.replicaFactory().create()).block(Duration.ofSeconds(10)))
            .isInstanceOf(R2dbcException.class);
        assertThat(pair.sql(false, "SELECT 1")).isEqualTo("1"); // the primary does not care

        pair.sql(false, "INSERT INTO author VALUES (4, 'Ann')"); // written while the standby is down
        pair.startReplica();
        pair.awaitReplicaCaughtUp();

        assertThat(pair.sql(true, "SELECT name FROM author WHERE id = 4")).isEqualTo("Ann");
        assertThat(pair.sql(true, "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
    }
}
