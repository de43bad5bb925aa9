package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2WriteOnlyTest extends WriteOnlyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
