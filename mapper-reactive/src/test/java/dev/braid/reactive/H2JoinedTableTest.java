package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2JoinedTableTest extends JoinedTableContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
