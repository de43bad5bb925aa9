package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresDeleteByKeysTest extends DeleteByKeysContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
