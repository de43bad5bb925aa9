package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbStreamingTest extends StreamingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
