package dev.braid.dialect;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL's log positions: the statements, LSN parsing, and the dialects without replication. */
class PostgresReplicationTest {
    private final Replication replication = Dialect.postgresql().replication().orElseThrow();

    @Test
    void statements() {
        assertThat(replication.commitPositionSql()).isEqualTo("SELECT pg_current_wal_insert_lsn()::text");
        assertThat(replication.replicaStateSql()).isEqualTo("SELECT pg_last_wal_replay_lsn()::text, CASE WHEN"
                + " pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 ELSE COALESCE(CAST(EXTRACT(EPOCH FROM"
                + " clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000 AS bigint), 0) END");
    }

    @Test
    void parsesLsnsAsUnsignedNumbersThatOrderAsTheLog() {
        assertThat(replication.parsePosition("0/0")).isZero();
        assertThat(replication.parsePosition("0/3000060")).isEqualTo(0x3000060L);
        assertThat(replication.parsePosition("16/B374D848")).isEqualTo(0x16_B374D848L);
        assertThat(replication.parsePosition("FFFFFFFF/FFFFFFFF")).isEqualTo(-1L);
        assertThat(Long.compareUnsigned(replication.parsePosition("1/0"), replication.parsePosition("0/FFFFFFFF"))).isPositive();
        assertThat(Long.compareUnsigned(replication.parsePosition("FFFFFFFF/0"), replication.parsePosition("1/0"))).isPositive();
    }

    @Test
    void refusesWhatIsNotAnLsn() {
        for (String bad : new String[] {"", "/", "0/", "/1", "12", "1/2/3", "G/1", "123456789/1", "1/123456789", "-1/2"}) {
            assertThatThrownBy(() -> replication.parsePosition(bad)).as(bad)
                    .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT))
                    .hasMessage("[BRAID_ARGUMENT] '" + bad + "' is not a PostgreSQL log position (two hexadecimal numbers"
                            + " of up to 8 digits separated by '/', e.g. 16/B374D848)");
        }
    }

    @Test
    void onlyPostgreSqlReadsLogPositions() {
        assertThat(Dialect.h2().replication()).isEmpty();
        assertThat(Dialect.mariadb().replication()).isEmpty();
        assertThat(Dialect.cockroachdb().replication()).isEmpty();
        assertThat(Dialect.yugabytedb().replication()).isEmpty();
    }
}
