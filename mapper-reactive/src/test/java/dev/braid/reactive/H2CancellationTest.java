package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2CancellationTest extends CancellationContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
