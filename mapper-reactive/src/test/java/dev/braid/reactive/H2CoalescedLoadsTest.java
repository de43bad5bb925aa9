package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2CoalescedLoadsTest extends CoalescedLoadsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
