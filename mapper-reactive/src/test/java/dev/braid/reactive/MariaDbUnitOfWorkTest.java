package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
