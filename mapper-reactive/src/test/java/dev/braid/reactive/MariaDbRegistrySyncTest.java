package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbRegistrySyncTest extends RegistrySyncContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
