package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2ExecutionObserverTest extends ExecutionObserverContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
