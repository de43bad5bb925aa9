package dev.braid.spring.transaction;

import dev.braid.spring.support.StarterPostgres;
import org.junit.jupiter.api.AfterAll;

import java.util.List;

/** Spring-managed transactions on PostgreSQL (the test kit's server), a new schema per application context. */
class PostgresSpringTransactionTest extends SpringTransactionContract {
    static final StarterPostgres POSTGRES = new StarterPostgres("braid_tx_");

    @Override
    String freshUrl() {
        return POSTGRES.freshUrl();
    }

    @Override
    List<String> walletWithPaymentsInserts() {
        return List.of("INSERT INTO wallets (owner, balance) VALUES ($1, $2) RETURNING id",
                "WITH braid_seq AS MATERIALIZED (SELECT pg_get_serial_sequence($1, $2)::regclass AS s) SELECT array_agg(nextval(",
                "INSERT INTO payments (id, amount, wallet_id) SELECT * FROM unnest($1::bigint[], $2::integer[], $3::bigint[])");
    }

    @AfterAll
    static void dropSchemas() {
        POSTGRES.dropSchemas();
    }
}
