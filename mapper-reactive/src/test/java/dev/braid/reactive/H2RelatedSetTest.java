package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2RelatedSetTest extends RelatedSetContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
