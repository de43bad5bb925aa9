package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbSessionQueueTest extends SessionQueueContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
