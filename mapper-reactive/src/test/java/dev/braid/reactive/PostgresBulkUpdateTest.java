package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresBulkUpdateTest extends BulkUpdateContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
