package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresSingleTableTest extends SingleTableContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
