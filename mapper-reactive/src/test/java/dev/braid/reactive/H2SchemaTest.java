package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2SchemaTest extends SchemaContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
