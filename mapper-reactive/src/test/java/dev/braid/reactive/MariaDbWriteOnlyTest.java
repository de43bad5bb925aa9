package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbWriteOnlyTest extends WriteOnlyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
