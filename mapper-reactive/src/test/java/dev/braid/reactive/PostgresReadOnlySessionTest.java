package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresReadOnlySessionTest extends ReadOnlySessionContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
