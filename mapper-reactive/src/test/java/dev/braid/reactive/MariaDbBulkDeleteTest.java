package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbBulkDeleteTest extends BulkDeleteContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
