package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbReadOnlyTest extends ReadOnlyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
