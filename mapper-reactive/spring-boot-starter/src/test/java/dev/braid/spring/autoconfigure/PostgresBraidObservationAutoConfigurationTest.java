package dev.braid.spring.autoconfigure;

import dev.braid.spring.support.StarterPostgres;
import org.junit.jupiter.api.AfterAll;

/** The observation auto-configuration on PostgreSQL: a new schema per context, dropped afterwards. */
class PostgresBraidObservationAutoConfigurationTest extends BraidObservationAutoConfigurationContract {
    static final StarterPostgres POSTGRES = new StarterPostgres("braid_obs_");

    @Override
    String freshUrl() {
        return POSTGRES.freshUrl();
    }

    @AfterAll
    static void dropSchemas() {
        POSTGRES.dropSchemas();
    }
}
