package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2BulkDeleteTest extends BulkDeleteContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
