package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresCoalescedLoadsTest extends CoalescedLoadsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
