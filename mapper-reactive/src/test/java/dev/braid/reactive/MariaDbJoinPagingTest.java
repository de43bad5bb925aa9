package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbJoinPagingTest extends JoinPagingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
