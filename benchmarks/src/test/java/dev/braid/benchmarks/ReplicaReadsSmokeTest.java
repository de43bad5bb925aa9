package dev.braid.benchmarks;

import dev.braid.testkit.PostgresReplicaPair;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReplicaReads} for one short round on the test kit's primary and streaming standby: every page read and every
 * read after a write is checked by the harness (it throws otherwise); here, that the routed mapper's reads ran on the
 * replica and the primary-only mapper's did not. No timing is asserted: the numbers mean nothing at this size.
 */
class ReplicaReadsSmokeTest {

    @Test
    void routedReadsRunOnTheReplicaAndEveryReadAfterAWriteSeesIt() {
        PostgresReplicaPair pair = PostgresReplicaPair.shared();
        try (ReplicaBench bench = new ReplicaBench(ReplicaReadsOnKit.url(pair.primaryPort()),
                ReplicaReadsOnKit.url(pair.replicaPort()), 300, 4)) {
            ReplicaReads.Result result = ReplicaReads.run(bench,
                    new ReplicaReads.Settings(1, 0, Duration.ofMillis(300), List.of(4), 5));
            System.out.println(result.table());

            // Each page is two statements (the authors, their books by selectin) on one server.
            assertThat(result.aloneReplicaReads()).isZero();
            assertThat(result.routedReplicaReads()).isPositive().isEven();
            assertThat(result.routedPrimaryReads()).isZero();
            // Every read after a write by the two routed mappers ran once: on the replica, or on the primary after the wait.
            assertThat(result.writes()).isEqualTo(5);
            assertThat(result.writesReadOnReplica() + result.writesReadOnPrimary()).isEqualTo(10);
            assertThat(result.writesReadOnReplica()).isPositive();
            assertThat(result.table()).contains("| 4 | ", "| reads served by the replica | 0 of 5 | ",
                    "| reads that waited for the replay");
            assertThat(bench.single("SELECT count(*) FROM authors WHERE name LIKE 'ryw %'")).isEqualTo(15);
        }
    }
}
