package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
