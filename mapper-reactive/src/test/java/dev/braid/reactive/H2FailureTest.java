package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2FailureTest extends FailureContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
