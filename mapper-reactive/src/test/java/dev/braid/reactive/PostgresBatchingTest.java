package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresBatchingTest extends BatchingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
