package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbQueryTest extends QueryContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
