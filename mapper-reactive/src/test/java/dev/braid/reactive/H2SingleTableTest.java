package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2SingleTableTest extends SingleTableContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
