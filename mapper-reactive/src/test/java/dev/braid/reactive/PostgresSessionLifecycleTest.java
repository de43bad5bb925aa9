package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresSessionLifecycleTest extends SessionLifecycleContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
