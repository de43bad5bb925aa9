package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2JoinPagingTest extends JoinPagingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
