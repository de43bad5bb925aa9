package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbDeleteByKeysTest extends DeleteByKeysContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
