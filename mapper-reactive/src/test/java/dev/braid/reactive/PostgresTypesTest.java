package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresTypesTest extends TypesContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
