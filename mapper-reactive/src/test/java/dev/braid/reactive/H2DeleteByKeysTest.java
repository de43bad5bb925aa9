package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2DeleteByKeysTest extends DeleteByKeysContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
