package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbKeysetPageTest extends KeysetPageContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
