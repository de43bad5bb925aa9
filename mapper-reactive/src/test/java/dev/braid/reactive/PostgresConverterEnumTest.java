package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresConverterEnumTest extends ConverterEnumContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
