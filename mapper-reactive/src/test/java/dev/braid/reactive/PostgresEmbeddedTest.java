package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresEmbeddedTest extends EmbeddedContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
