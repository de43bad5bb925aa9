package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresLinkTest extends LinkContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
