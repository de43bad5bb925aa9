package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbBulkUpdateTest extends BulkUpdateContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
