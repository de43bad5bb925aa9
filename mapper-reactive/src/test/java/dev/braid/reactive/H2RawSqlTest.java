package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2RawSqlTest extends RawSqlContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
