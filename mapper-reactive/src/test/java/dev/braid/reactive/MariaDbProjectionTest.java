package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbProjectionTest extends ProjectionContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
