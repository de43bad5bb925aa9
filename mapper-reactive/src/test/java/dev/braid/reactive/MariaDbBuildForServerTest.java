package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbBuildForServerTest extends BuildForServerContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
