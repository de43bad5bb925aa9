package dev.braid.micrometer;

import dev.braid.testkit.TestDatabase;

class H2BraidObservationsTest extends BraidObservationsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
