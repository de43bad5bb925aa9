package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbTypesTest extends TypesContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
