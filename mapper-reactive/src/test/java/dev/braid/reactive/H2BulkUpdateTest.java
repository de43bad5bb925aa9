package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2BulkUpdateTest extends BulkUpdateContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
