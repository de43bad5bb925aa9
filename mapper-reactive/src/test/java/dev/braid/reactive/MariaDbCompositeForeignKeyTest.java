package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbCompositeForeignKeyTest extends CompositeForeignKeyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
