package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresBulkDeleteTest extends BulkDeleteContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
