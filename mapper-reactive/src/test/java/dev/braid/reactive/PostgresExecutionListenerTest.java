package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresExecutionListenerTest extends ExecutionListenerContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
