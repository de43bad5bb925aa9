package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresUpsertTest extends UpsertContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
