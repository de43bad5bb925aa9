package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2KeysTest extends KeysContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
