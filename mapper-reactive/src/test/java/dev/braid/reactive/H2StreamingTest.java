package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2StreamingTest extends StreamingContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
