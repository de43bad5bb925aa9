package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresRawSqlTimeTest extends RawSqlTimeContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
