package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbCancelDuringFlushTest extends CancelDuringFlushContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
