package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2KeysetPageTest extends KeysetPageContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
