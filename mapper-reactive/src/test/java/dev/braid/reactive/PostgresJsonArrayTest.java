package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresJsonArrayTest extends JsonArrayContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
