package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresWriteOnlyTest extends WriteOnlyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
