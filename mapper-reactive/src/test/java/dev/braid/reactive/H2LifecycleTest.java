package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2LifecycleTest extends LifecycleContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
