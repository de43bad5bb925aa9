package dev.braid.spring.autoconfigure;

import dev.braid.spring.support.StarterPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;

/**
 * The starter on PostgreSQL (the test kit's server: {@code BRAID_PG_URL}, else 127.0.0.1:5432, else embedded):
 * a new schema per context, given to Boot's factory as the URL's {@code schema} option and dropped afterwards.
 */
class PostgresBraidAutoConfigurationTest extends BraidAutoConfigurationContract {
    static final StarterPostgres POSTGRES = new StarterPostgres("braid_starter_");

    @Override
    String freshUrl() {
        return POSTGRES.freshUrl();
    }

    @AfterAll
    static void dropSchemas() {
        POSTGRES.dropSchemas();
    }

    @Override
    long tableCount(ConnectionFactory factory) {
        return Long.parseLong(query(factory, "SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name IN ('starter_items', 'starter_tags')").get(0));
    }
}
