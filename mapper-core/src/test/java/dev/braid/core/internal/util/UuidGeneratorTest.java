package dev.braid.core.internal.util;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class UuidGeneratorTest {
    static final Instant T = Instant.parse("2026-05-06T07:08:09.010Z");

    /** A clock the test moves by hand, also backwards. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(T);

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    @Test
    void v7HasVersionVariantAndTheClocksMillisecondsInTheFirst48Bits() {
        UUID id = new UuidGenerator(Clock.fixed(T, ZoneOffset.UTC)).v7();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // RFC 9562 variant 10
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
        // The textual form starts with the 48-bit timestamp in hex.
        assertThat(id.toString().replace("-", "")).startsWith(String.format("%012x", T.toEpochMilli()));
    }

    @Test
    void v7IsStrictlyIncreasingWithinOneMillisecondAcrossCounterOverflowAndWhenTheClockStepsBack() {
        HandClock clock = new HandClock();
        UuidGenerator generator = new UuidGenerator(clock);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // far more than the 12-bit counter holds in one millisecond
            if (i == 5_000) clock.now.set(T.minusSeconds(60)); // a clock that steps back
            ids.add(generator.v7());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(compareUnsigned(ids.get(i - 1), ids.get(i))).as("id %d after id %d", i, i - 1).isNegative();
            assertThat(ids.get(i).toString().compareTo(ids.get(i - 1).toString())).isPositive(); // text sorts too
        }
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        // Overflow borrowed milliseconds from the future, never more than the ids needed.
        long lastMillis = ids.get(ids.size() - 1).getMostSignificantBits() >>> 16;
        assertThat(lastMillis - T.toEpochMilli()).isBetween(1L, 5L);
    }

    @Test
    void aNewMillisecondStartsAbove() {
        HandClock clock = new HandClock();
        UuidGenerator generator = new UuidGenerator(clock);
        UUID first = generator.v7();
        clock.now.set(T.plusMillis(1));
        UUID second = generator.v7();
        assertThat(second.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli() + 1);
        assertThat(compareUnsigned(first, second)).isNegative();
    }

    @Test
    void v7IsUniqueAndIncreasingPerThreadUnderConcurrency() throws InterruptedException {
        UuidGenerator generator = new UuidGenerator(Clock.fixed(T, ZoneOffset.UTC));
        ConcurrentLinkedQueue<UUID> all = new ConcurrentLinkedQueue<>();
        List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
            UUID previous = null;
            for (int i = 0; i < 5_000; i++) {
                UUID id = generator.v7();
                if (previous != null) assertThat(compareUnsigned(previous, id)).isNegative();
                previous = id;
                all.add(id);
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        assertThat(new HashSet<>(all)).hasSize(20_000);
    }

    @Test
    void v4HasVersionAndVariantAndIsRandom() {
        UuidGenerator generator = new UuidGenerator(Clock.systemUTC());
        List<UUID> ids = IntStream.range(0, 1000).mapToObj(i -> generator.v4()).toList();
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(new HashSet<>(ids)).hasSize(1000);
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
