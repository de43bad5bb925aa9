package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2GetDefaultLoadsTest extends GetDefaultLoadsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
