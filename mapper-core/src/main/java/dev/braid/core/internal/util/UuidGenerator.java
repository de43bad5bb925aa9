package dev.braid.core.internal.util;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes version 4 and version 7 UUIDs (RFC 9562) without blocking. One per mapper: no global state.
 *
 * <p>{@code UUID.randomUUID()} draws from the platform's default {@code SecureRandom}, which on Linux
 * reads {@code /dev/urandom} on every call (a blocking file read that BlockHound reports). This generator
 * owns a DRBG {@code SecureRandom}, seeded once when it is created (at mapper construction): drawing from
 * it afterwards is computation only.
 *
 * <p>Version 7 (method 1 of RFC 9562, section 6.2): 48 bits of Unix milliseconds from the clock, then a
 * 12-bit counter in {@code rand_a}, then 62 random bits. The timestamp and counter are one atomic 60-bit
 * value that only grows: a new millisecond starts the counter at a random value below 2048 (room to count),
 * the same or an earlier millisecond (a clock that steps back) adds one, and a counter overflow carries
 * into the timestamp. So the UUIDs of one generator are strictly increasing, also across threads, with
 * no lock.
 */
public final class UuidGenerator {
    private final Clock clock;
    private final SecureRandom random;
    // (unix millis << 12) | counter of the last version 7 UUID made.
    private final AtomicLong last = new AtomicLong();

    /** A generator reading version 7 timestamps from {@code clock}. */
    public UuidGenerator(Clock clock) {
        this.clock = Require.nonNull(clock, "clock");
        this.random = drbg();
    }

    private static SecureRandom drbg() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            random = new SecureRandom();
        }
        random.nextLong(); // seeds it now, not on a request thread
        return random;
    }

    /** A random (version 4) UUID. */
    public UUID v4() {
        long high = random.nextLong();
        long low = random.nextLong();
        high = (high & ~0xF000L) | 0x4000L;                  // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // variant 10
        return new UUID(high, low);
    }

    /** A time-ordered (version 7) UUID, greater than every earlier one of this generator. */
    public UUID v7() {
        long millis = clock.millis() & 0xFFFFFFFFFFFFL;
        long candidate = (millis << 12) | random.nextInt(2048);
        long next;
        while (true) {
            long previous = last.get();
            next = candidate > previous ? candidate : previous + 1;
            if (last.compareAndSet(previous, next)) break;
        }
        long high = ((next >>> 12) << 16) | 0x7000L | (next & 0xFFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
