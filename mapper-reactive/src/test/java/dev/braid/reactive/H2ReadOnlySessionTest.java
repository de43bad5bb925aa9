package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2ReadOnlySessionTest extends ReadOnlySessionContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
