package dev.braid.annotation;

/** Which kind of UUID {@link GeneratedUuid} assigns (RFC 9562). */
public enum UuidVersion {
    /** Version 4: 122 random bits. Spreads inserts over the whole index. */
    V4,
    /**
     * Version 7: a 48-bit Unix timestamp in milliseconds, then a counter and random bits; ordered by
     * creation time (monotonic within one mapper), so inserts append to the index like a sequence would.
     */
    V7
}
