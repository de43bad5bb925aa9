package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresRawSqlTest extends RawSqlContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
