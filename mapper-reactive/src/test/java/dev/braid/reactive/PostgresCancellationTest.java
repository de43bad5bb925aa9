package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresCancellationTest extends CancellationContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
