package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbExecutionListenerTest extends ExecutionListenerContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
