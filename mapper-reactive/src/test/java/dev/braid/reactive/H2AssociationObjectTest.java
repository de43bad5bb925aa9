package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2AssociationObjectTest extends AssociationObjectContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
