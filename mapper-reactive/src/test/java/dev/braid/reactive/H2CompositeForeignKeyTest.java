package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2CompositeForeignKeyTest extends CompositeForeignKeyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
