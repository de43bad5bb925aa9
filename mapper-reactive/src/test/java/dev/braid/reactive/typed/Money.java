package dev.braid.reactive.typed;

import java.math.BigDecimal;

/** A value object stored through {@link MoneyConverter} as a decimal number of the currency's units. */
public record Money(BigDecimal amount) implements Comparable<Money> {
    public static Money of(String amount) { return new Money(new BigDecimal(amount)); }

    @Override
    public int compareTo(Money o) { return amount.compareTo(o.amount); }
}
