package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresProjectionTest extends ProjectionContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
