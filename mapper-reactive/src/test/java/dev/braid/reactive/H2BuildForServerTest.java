package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2BuildForServerTest extends BuildForServerContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
