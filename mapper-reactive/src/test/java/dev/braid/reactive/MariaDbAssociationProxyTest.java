package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbAssociationProxyTest extends AssociationProxyContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
