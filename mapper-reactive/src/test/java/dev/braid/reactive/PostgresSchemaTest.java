package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresSchemaTest extends SchemaContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
