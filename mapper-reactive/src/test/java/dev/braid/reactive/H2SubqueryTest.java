package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2SubqueryTest extends SubqueryContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
