package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2UnitOfWorkTest extends UnitOfWorkContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
