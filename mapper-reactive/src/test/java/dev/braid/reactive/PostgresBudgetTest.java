package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class PostgresBudgetTest extends BudgetContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.postgres(); }
}
