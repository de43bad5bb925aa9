package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2ProjectionTest extends ProjectionContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
