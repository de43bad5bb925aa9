package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresExecutionObserverTest extends ExecutionObserverContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
