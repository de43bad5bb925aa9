package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2QueryTest extends QueryContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
