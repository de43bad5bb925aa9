package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2ErrorMessagesTest extends ErrorMessagesContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
