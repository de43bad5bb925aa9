package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresFailureTest extends FailureContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
