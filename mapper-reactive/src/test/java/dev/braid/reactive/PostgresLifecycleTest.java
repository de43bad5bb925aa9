package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresLifecycleTest extends LifecycleContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
