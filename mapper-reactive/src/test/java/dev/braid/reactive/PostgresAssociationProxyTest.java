package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresAssociationProxyTest extends AssociationProxyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
