package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2RawSqlTimeTest extends RawSqlTimeContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
