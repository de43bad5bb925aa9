package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresJoinPagingTest extends JoinPagingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
