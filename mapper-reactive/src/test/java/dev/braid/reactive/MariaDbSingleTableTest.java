package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbSingleTableTest extends SingleTableContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
