package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresAssociationObjectTest extends AssociationObjectContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
