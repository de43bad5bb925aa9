package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresSelfReferenceFlushTest extends SelfReferenceFlushContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
