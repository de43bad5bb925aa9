package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresSqlLoggingTest extends SqlLoggingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
