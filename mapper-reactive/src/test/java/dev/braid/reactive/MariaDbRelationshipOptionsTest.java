package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbRelationshipOptionsTest extends RelationshipOptionsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
