package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresCrudTest extends CrudContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
