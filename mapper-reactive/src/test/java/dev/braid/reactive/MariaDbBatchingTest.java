package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbBatchingTest extends BatchingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
