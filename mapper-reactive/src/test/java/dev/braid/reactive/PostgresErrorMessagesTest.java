package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresErrorMessagesTest extends ErrorMessagesContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
