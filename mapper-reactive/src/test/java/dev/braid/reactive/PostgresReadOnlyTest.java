package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresReadOnlyTest extends ReadOnlyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
