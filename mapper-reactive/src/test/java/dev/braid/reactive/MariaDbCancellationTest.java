package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbCancellationTest extends CancellationContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
