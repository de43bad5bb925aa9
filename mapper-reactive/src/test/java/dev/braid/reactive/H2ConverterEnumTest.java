package dev.braid.reactive;

import dev.braid.testkit.TestDatabase;

class H2ConverterEnumTest extends ConverterEnumContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }
}
