package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbGraphTest extends GraphContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
