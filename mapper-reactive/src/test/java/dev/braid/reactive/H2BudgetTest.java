package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2BudgetTest extends BudgetContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
