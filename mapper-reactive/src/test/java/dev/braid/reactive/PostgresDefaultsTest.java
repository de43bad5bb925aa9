package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresDefaultsTest extends DefaultsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
