package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresGetDefaultLoadsTest extends GetDefaultLoadsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
