package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbLifecycleTest extends LifecycleContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
