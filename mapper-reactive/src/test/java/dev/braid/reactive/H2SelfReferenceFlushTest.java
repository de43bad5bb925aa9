package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2SelfReferenceFlushTest extends SelfReferenceFlushContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
