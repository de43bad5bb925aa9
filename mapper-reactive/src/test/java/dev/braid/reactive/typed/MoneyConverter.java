package dev.braid.reactive.typed;

import dev.braid.mapping.spi.ValueConverter;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

/** Money as its amount; counts its calls so tests can see where it runs. */
public final class MoneyConverter implements ValueConverter<Money, BigDecimal> {
    public static final AtomicInteger CALLS = new AtomicInteger();

    @Override public Class<Money> javaType() { return Money.class; }
    @Override public Class<BigDecimal> databaseType() { return BigDecimal.class; }
    @Override public BigDecimal toDatabase(Money value) { CALLS.incrementAndGet(); return value.amount(); }
    @Override public Money fromDatabase(BigDecimal value) { CALLS.incrementAndGet(); return new Money(value); }
}
