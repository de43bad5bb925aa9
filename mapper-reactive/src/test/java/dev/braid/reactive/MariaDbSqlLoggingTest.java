package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbSqlLoggingTest extends SqlLoggingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
