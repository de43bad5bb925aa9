package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresSessionQueueTest extends SessionQueueContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
