package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbReadOnlySessionTest extends ReadOnlySessionContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
