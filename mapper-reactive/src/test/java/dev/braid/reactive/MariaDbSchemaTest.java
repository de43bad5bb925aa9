package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbSchemaTest extends SchemaContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
