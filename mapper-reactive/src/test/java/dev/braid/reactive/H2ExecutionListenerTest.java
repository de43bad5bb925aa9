package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2ExecutionListenerTest extends ExecutionListenerContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
