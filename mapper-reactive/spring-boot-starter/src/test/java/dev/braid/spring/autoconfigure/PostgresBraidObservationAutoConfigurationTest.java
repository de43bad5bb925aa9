package dev.braid.spring.autoconfigure;

import org.junit.jupiter.api.AfterAll;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** The observation auto-configuration on PostgreSQL: a new schema per context, dropped afterwards. */
class PostgresBraidObservationAutoConfigurationTest extends BraidObservationAutoConfigurationContract {
    static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    @Override
    String freshUrl() {
        String base = PostgresBraidAutoConfigurationTest.BASE_URL;
        String schema = "braid_obs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresBraidAutoConfigurationTest.admin("CREATE SCHEMA " + schema);
        SCHEMAS.add(schema);
        return base + (base.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    @AfterAll
    static void dropSchemas() {
        for (String schema : SCHEMAS) {
            PostgresBraidAutoConfigurationTest.admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
