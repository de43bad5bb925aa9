package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2TypesTest extends TypesContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
