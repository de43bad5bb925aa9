package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2BatchingTest extends BatchingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
