package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2LinkTest extends LinkContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
