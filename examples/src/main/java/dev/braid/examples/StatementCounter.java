package dev.braid.examples;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements sent through a connection factory (with r2dbc-proxy), so the examples can print
 * "2 statements" next to the SQL log. Transactions begun and committed through the R2DBC API are not
 * statements and are not counted.
 */
public final class StatementCounter {
    private final AtomicLong count = new AtomicLong();

    /** A factory that counts every executed statement, then delegates. */
    public ConnectionFactory wrap(ConnectionFactory factory) {
        return ProxyConnectionFactory.builder(factory)
                .onBeforeQuery(info -> count.addAndGet(info.getQueries().size()))
                .build();
    }

    /** Statements counted so far. */
    public long count() {
        return count.get();
    }

    /** Statements counted since {@code mark} (a value of {@link #count()}). */
    public long since(long mark) {
        return count.get() - mark;
    }
}
