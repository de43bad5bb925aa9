package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresStreamingTest extends StreamingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
