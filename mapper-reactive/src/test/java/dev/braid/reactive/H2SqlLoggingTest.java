package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2SqlLoggingTest extends SqlLoggingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
