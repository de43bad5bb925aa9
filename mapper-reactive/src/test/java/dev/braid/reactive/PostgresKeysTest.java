package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresKeysTest extends KeysContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
