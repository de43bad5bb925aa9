package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresQueryTest extends QueryContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
