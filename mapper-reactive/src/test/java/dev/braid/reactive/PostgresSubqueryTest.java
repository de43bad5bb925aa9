package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresSubqueryTest extends SubqueryContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
