package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresCancelDuringFlushTest extends CancelDuringFlushContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
