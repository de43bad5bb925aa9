package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class MariaDbCoalescedLoadsTest extends CoalescedLoadsContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.mariadb(); }
}
