package dev.braid.spring.autoconfigure;

/** The observation auto-configuration on H2: a new in-memory database per context. */
class H2BraidObservationAutoConfigurationTest extends BraidObservationAutoConfigurationContract {

    @Override
    String freshUrl() {
        return new H2BraidAutoConfigurationTest().freshUrl();
    }
}
