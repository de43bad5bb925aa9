package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbKeysTest extends KeysContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
