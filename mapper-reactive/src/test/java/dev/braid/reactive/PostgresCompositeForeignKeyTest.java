package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresCompositeForeignKeyTest extends CompositeForeignKeyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
