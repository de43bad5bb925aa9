package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2UpsertTest extends UpsertContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
