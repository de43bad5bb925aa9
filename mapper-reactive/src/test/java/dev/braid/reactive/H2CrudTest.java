package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2CrudTest extends CrudContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
