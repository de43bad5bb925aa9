package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresGraphTest extends GraphContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
