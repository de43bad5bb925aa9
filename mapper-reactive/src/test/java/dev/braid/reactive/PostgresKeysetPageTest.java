package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresKeysetPageTest extends KeysetPageContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
