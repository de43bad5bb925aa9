package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbExecutionObserverTest extends ExecutionObserverContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
