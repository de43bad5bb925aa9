package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2AssociationProxyTest extends AssociationProxyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
