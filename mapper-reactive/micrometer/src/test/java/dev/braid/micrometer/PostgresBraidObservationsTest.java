package dev.braid.micrometer;

import dev.braid.testkit.TestDatabase;

class PostgresBraidObservationsTest extends BraidObservationsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
