package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbAssociationObjectTest extends AssociationObjectContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
