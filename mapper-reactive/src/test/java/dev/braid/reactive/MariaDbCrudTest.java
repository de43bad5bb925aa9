package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbCrudTest extends CrudContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
