package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresJoinedTableTest extends JoinedTableContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
