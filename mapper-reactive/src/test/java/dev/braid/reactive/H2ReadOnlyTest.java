package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2ReadOnlyTest extends ReadOnlyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
