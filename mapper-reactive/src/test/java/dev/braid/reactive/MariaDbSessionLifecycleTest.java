package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbSessionLifecycleTest extends SessionLifecycleContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
