package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2GraphTest extends GraphContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
