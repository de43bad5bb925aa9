package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2JsonArrayTest extends JsonArrayContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
