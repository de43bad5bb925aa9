package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2SessionLifecycleTest extends SessionLifecycleContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
