package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2CancelDuringFlushTest extends CancelDuringFlushContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
