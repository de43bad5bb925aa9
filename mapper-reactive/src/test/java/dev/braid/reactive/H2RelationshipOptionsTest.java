package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2RelationshipOptionsTest extends RelationshipOptionsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
