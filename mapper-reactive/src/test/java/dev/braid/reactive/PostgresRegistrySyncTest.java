package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresRegistrySyncTest extends RegistrySyncContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
