package dev.braid.spring.autoconfigure;

import io.r2dbc.spi.ConnectionFactory;

import java.util.UUID;

/** The starter on H2: a new in-memory database per context. */
class H2BraidAutoConfigurationTest extends BraidAutoConfigurationContract {

    @Override
    String freshUrl() {
        return "r2dbc:h2:mem:///starter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    long tableCount(ConnectionFactory factory) {
        return Long.parseLong(query(factory, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'"
                + " AND table_name IN ('STARTER_ITEMS', 'STARTER_TAGS', 'starter_items', 'starter_tags')").get(0));
    }
}
