package dev.braid.reactive;

import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Writer;
import dev.braid.testkit.PooledDatabase;
import dev.braid.testkit.PostgresReplicaPair;
import dev.braid.testkit.StatementRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

/**
 * The kit's primary and streaming standby with a recording pool over each, and before every test the graph model's
 * tables with two writers, replayed by the standby, replay running, recordings cleared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReplicaTestBase {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String STATE = "SELECT pg_last_wal_replay_lsn()::text, CASE WHEN pg_last_wal_receive_lsn() ="
            + " pg_last_wal_replay_lsn() THEN 0 ELSE COALESCE(CAST(EXTRACT(EPOCH FROM clock_timestamp() -"
            + " pg_last_xact_replay_timestamp()) * 1000 AS bigint), 0) END";
    static final String POSITION = "SELECT pg_current_wal_insert_lsn()::text";

    PostgresReplicaPair pair;
    StatementRecorder primary;
    StatementRecorder replica;
    PooledDatabase primaryPool;
    PooledDatabase replicaPool;

    @BeforeAll
    void servers() {
        pair = PostgresReplicaPair.shared();
        primary = StatementRecorder.wrap(pair.primaryFactory());
        replica = StatementRecorder.wrap(pair.replicaFactory());
        primaryPool = PooledDatabase.over(primary);
        replicaPool = PooledDatabase.over(replica);
    }

    @AfterAll
    void closePools() {
        primaryPool.close();
        replicaPool.close();
    }

    @BeforeEach
    void freshSchema() {
        pair.resumeReplay();
        Mapper plain = Mapper.builder(primaryPool.pool(), GraphModel.registry()).build();
        plain.schema().dropAll().then(plain.schema().createAll()).block(TIMEOUT);
        plain.inTransaction(s -> s.addAll(List.of(new Writer("Jane Austen"), new Writer("Leo Tolstoy")))).blockLast(TIMEOUT);
        pair.awaitReplicaCaughtUp();
        primary.clear();
        replica.clear();
    }

    /** A mapper over the primary with the standby as its replica. */
    Mapper mapper(ReplicaOptions options) {
        return Mapper.builder(primaryPool.pool(), GraphModel.registry()).replicas(replicaPool.pool()).replicaOptions(options).build();
    }
}
