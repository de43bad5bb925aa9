package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbRawSqlTest extends RawSqlContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
