package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbGetDefaultLoadsTest extends GetDefaultLoadsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
