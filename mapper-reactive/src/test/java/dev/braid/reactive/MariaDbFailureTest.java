package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbFailureTest extends FailureContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
