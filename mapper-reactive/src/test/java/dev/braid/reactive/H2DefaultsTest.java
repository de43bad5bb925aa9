package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2DefaultsTest extends DefaultsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
