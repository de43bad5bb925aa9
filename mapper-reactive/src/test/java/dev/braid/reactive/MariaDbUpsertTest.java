package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbUpsertTest extends UpsertContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
