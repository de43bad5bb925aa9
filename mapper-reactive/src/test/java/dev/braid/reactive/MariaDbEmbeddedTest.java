package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbEmbeddedTest extends EmbeddedContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
