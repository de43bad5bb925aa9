package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbRelatedSetTest extends RelatedSetContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
