package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbLinkTest extends LinkContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
