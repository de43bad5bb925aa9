package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2EmbeddedTest extends EmbeddedContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
