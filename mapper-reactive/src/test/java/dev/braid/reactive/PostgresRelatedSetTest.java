package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresRelatedSetTest extends RelatedSetContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
