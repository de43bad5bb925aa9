package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresRelationshipOptionsTest extends RelationshipOptionsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
