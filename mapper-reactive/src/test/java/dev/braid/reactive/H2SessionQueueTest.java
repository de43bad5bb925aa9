package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2SessionQueueTest extends SessionQueueContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
