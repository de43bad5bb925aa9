package dev.braid.examples;

import dev.braid.reactive.ExecutionEvent;
import dev.braid.reactive.ExecutionListener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements a mapper sends, so the examples can print "2 statements" next to the SQL log:
 * register it with {@code Mapper.builder(..).listener(counter)}. Transactions begun and committed through
 * the R2DBC API are not statements and are not counted.
 */
public final class StatementCounter implements ExecutionListener {
    private final AtomicLong count = new AtomicLong();

    @Override
    public void onStatement(ExecutionEvent event) {
        count.incrementAndGet();
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
