package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbRawSqlTimeTest extends RawSqlTimeContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
