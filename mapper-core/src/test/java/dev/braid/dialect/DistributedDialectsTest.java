package dev.braid.dialect;

import dev.braid.error.MapperException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL dialect's variants for CockroachDB and YugabyteDB, without a database: which one a server's version
 * string selects, and the exact SQL of every fallback.
 */
class DistributedDialectsTest {
    private static final String POSTGRES_15 = "PostgreSQL 15.8 (Debian 15.8-1.pgdg120+1) on x86_64-pc-linux-gnu,"
            + " compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit";
    private static final String COCKROACH = "CockroachDB CCL v23.1.11 (x86_64-pc-linux-gnu, built 2023/09/27 01:53:43,"
            + " go1.19.10)";
    private static final String YUGABYTE_11 = "11.2-YB-2.20.1.0-b0";
    private static final String YUGABYTE_15_VERSION = "PostgreSQL 15.2-YB-2024.2.0.0-b0 on x86_64-pc-linux-gnu,"
            + " compiled by clang version 17.0.6, 64-bit";

    private final Dialect crdb = Dialect.cockroachdb();
    private final Dialect yb = Dialect.yugabytedb();

    @Test
    void choosesTheVariantFromTheServersVersionString() {
        assertThat(Dialect.forServer("PostgreSQL", POSTGRES_15)).isSameAs(Dialect.postgresql());
        assertThat(Dialect.forServer("PostgreSQL", "15.8")).isSameAs(Dialect.postgresql());
        assertThat(Dialect.forServer("PostgreSQL", COCKROACH)).isSameAs(crdb);
        assertThat(Dialect.forServer("PostgreSQL", "CockroachDB OSS v22.2.0 (aarch64-apple-darwin21.2, built 2022/12/05)"))
                .isSameAs(crdb);
        assertThat(Dialect.forServer("PostgreSQL", YUGABYTE_11)).isSameAs(yb);
        assertThat(Dialect.forServer("PostgreSQL", "PostgreSQL 11.2-YB-2.20.1.0-b0 on x86_64-pc-linux-gnu")).isSameAs(yb);
        assertThat(Dialect.forServer("PostgreSQL", YUGABYTE_15_VERSION)).isSameAs(yb);
        assertThat(Dialect.forServer("PostgreSQL", "15.2-YB-2024.2.0.0-b0")).isSameAs(yb);
        assertThat(Dialect.forServer("H2", "2.2.224 (2023-09-17)")).isSameAs(Dialect.h2());
        assertThat(Dialect.forServer("MariaDB", "10.11.6-MariaDB-0+deb12u1")).isSameAs(Dialect.mariadb());
        assertThat(Dialect.forServer("PostgreSQL", "")).isSameAs(Dialect.postgresql());
        assertThatThrownBy(() -> Dialect.forServer("Oracle", "Oracle Database 23ai")).isInstanceOf(MapperException.class)
                .hasMessageContaining("No Braid dialect for database 'Oracle'");
    }

    @Test
    void theProductNamePostgresqlAloneStillMeansPostgresql() {
        assertThat(Dialect.forProductName("PostgreSQL")).isSameAs(Dialect.postgresql());
        assertThat(Dialect.forProductName("CockroachDB")).isSameAs(crdb);
        assertThat(Dialect.forProductName("YugabyteDB")).isSameAs(yb);
        assertThat(crdb.name()).isEqualTo("CockroachDB");
        assertThat(yb.name()).isEqualTo("YugabyteDB");
        assertThat(crdb).hasToString("CockroachDB");
    }

    @Test
    void onlyThePostgresqlFamilyAsksTheServerForItsVersion() {
        assertThat(Dialect.postgresql().serverVersionQuery()).contains("SELECT version()");
        assertThat(crdb.serverVersionQuery()).contains("SELECT version()");
        assertThat(yb.serverVersionQuery()).contains("SELECT version()");
        assertThat(Dialect.h2().serverVersionQuery()).isEmpty();
        assertThat(Dialect.mariadb().serverVersionQuery()).isEmpty();
    }

    @Test
    void retriesSerializationFailuresByDefaultOnlyOnTheDistributedDatabases() {
        assertThat(crdb.defaultTransactionRetries()).isEqualTo(5);
        assertThat(yb.defaultTransactionRetries()).isEqualTo(5);
        assertThat(Dialect.postgresql().defaultTransactionRetries()).isZero();
        assertThat(Dialect.h2().defaultTransactionRetries()).isZero();
        assertThat(Dialect.mariadb().defaultTransactionRetries()).isZero();
        assertThat(crdb.isSerializationFailure("40001")).isTrue();
    }

    @Test
    void cockroachGuardsAConstraintWithIfNotExistsNotADoBlock() {
        TextWriter out = new TextWriter(crdb);
        crdb.ddlGuards().addConstraintIfAbsent("order", "fk_order_customer",
                w -> w.append("FOREIGN KEY (customer_id) REFERENCES customers (id)"), out);
        assertThat(out.sql()).isEqualTo("ALTER TABLE \"order\" ADD CONSTRAINT IF NOT EXISTS fk_order_customer"
                + " FOREIGN KEY (customer_id) REFERENCES customers (id)");
        assertThat(crdb.ddlGuards().dropTableCascades()).isTrue();
    }

    @Test
    void cockroachCreatesAMissingEnumTypeWithIfNotExists() {
        SqlType.NamedEnum mood = new SqlType.NamedEnum("Mood", List.of("HAPPY", "O'K"));
        TextWriter missing = new TextWriter(crdb);
        crdb.types().createEnumType(mood, true, missing);
        assertThat(missing.sql()).isEqualTo("CREATE TYPE IF NOT EXISTS \"Mood\" AS ENUM ('HAPPY', 'O''K')");
        TextWriter plain = new TextWriter(crdb);
        crdb.types().createEnumType(mood, false, plain);
        assertThat(plain.sql()).isEqualTo("CREATE TYPE \"Mood\" AS ENUM ('HAPPY', 'O''K')");
        assertThat(crdb.types().bindMarker(mood, "$1")).isEqualTo("$1::\"Mood\"");
        TextWriter drop = new TextWriter(crdb);
        crdb.types().dropEnumType(mood, drop);
        assertThat(drop.sql()).isEqualTo("DROP TYPE IF EXISTS \"Mood\"");
    }

    @Test
    void cockroachDrawsKeysFromTheIdentitySequenceNamedExplicitly() {
        assertThat(crdb.keyAllocation().timing()).isEqualTo(KeyAllocation.Timing.ALLOCATED_AHEAD);
        TextWriter out = new TextWriter(crdb);
        crdb.keyAllocation().allocate("Order", "id", 3, out);
        assertThat(out.sql()).isEqualTo("SELECT array_agg(nextval($1)) FROM generate_series(1, $2)");
        assertThat(out.values).containsExactly("\"Order_id_seq\"", 3); // quoted: nextval parses the name as SQL
        assertThat(out.types).containsExactly(String.class, Integer.class);
    }

    @Test
    void aLongSequenceNameIsShortenedAsPostgresqlShortensIt() {
        String table = "t".repeat(60);
        TextWriter out = new TextWriter(crdb);
        crdb.keyAllocation().allocate(table, "id", 1, out);
        // 63 bytes: 58 for table and column, the longer giving way, then "_" and "_seq".
        assertThat(out.values.get(0)).isEqualTo("t".repeat(56) + "_id_seq");
        TextWriter both = new TextWriter(crdb);
        crdb.keyAllocation().allocate("a".repeat(40), "b".repeat(40), 1, both);
        assertThat(both.values.get(0)).isEqualTo("a".repeat(29) + "_" + "b".repeat(29) + "_seq");
    }

    @Test
    void cockroachStreamsByKeysetWindowsAndSortsNullLow() {
        assertThat(crdb.cursors()).isEqualTo(Optional.empty());
        assertThat(crdb.nullsSortHigh()).isFalse();
        assertThat(yb.cursors()).isPresent();
        assertThat(yb.nullsSortHigh()).isTrue();
    }

    @Test
    void yugabyteAllocatesKeysWithoutMaterializedWhichPostgresql11Lacks() {
        TextWriter out = new TextWriter(yb);
        yb.keyAllocation().allocate("Order", "id", 3, out);
        assertThat(out.sql()).isEqualTo("WITH braid_seq AS (SELECT pg_get_serial_sequence($1, $2)::regclass AS s OFFSET 0)"
                + " SELECT array_agg(nextval(braid_seq.s)) FROM braid_seq, generate_series(1, $3)");
        assertThat(out.values).containsExactly("\"Order\"", "id", 3);
    }

    @Test
    void yugabyteKeepsPostgresqlsDoBlocksAndCursors() {
        TextWriter out = new TextWriter(yb);
        yb.ddlGuards().addConstraintIfAbsent("a", "fk", w -> w.append("FOREIGN KEY (b) REFERENCES b (id)"), out);
        assertThat(out.sql()).isEqualTo("DO $$ BEGIN ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b) REFERENCES b (id);"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        assertThat(yb.cursors().orElseThrow().declare("c", "SELECT 1")).isEqualTo("DECLARE c NO SCROLL CURSOR FOR SELECT 1");
    }
}
