package dev.braid.reactive.internal.route;

/**
 * What is known of one replica, from its last answer: when it was last unreachable, the log position it had
 * replayed and its lag. Times are {@link System#nanoTime()} values passed in (tests pass their own). Updated by
 * concurrent reads: each field is written whole, and a stale read of one only makes a read check once more.
 */
public final class ReplicaState {
    private static final long NEVER = Long.MIN_VALUE;

    private final String name;
    private final long maxLagMillis;
    private final long checkIntervalNanos;
    private final long downForNanos;
    private volatile long downUntil = NEVER;
    private volatile long checkedAt = NEVER;
    private volatile long replayed;
    private volatile long lagMillis;

    /**
     * @param name               the replica as logs and errors name it ("replica 1")
     * @param maxLagMillis       the lag beyond which it is skipped
     * @param checkIntervalNanos how long an answer is trusted
     * @param downForNanos       how long it is left alone after it could not be reached
     */
    public ReplicaState(String name, long maxLagMillis, long checkIntervalNanos, long downForNanos) {
        this.name = name;
        this.maxLagMillis = maxLagMillis;
        this.checkIntervalNanos = checkIntervalNanos;
        this.downForNanos = downForNanos;
    }

    /** The replica's name. */
    public String name() {
        return name;
    }

    /** Whether a read may try it now: not left alone after a failure, and not lagging by its last fresh answer. */
    public boolean usable(long now) {
        if (downUntil != NEVER && now - downUntil < 0) return false;
        return !fresh(now) || lagMillis <= maxLagMillis;
    }

    /**
     * Whether a read that must see {@code required} has to ask the replica first: its last answer is too old, or
     * it had not replayed that far yet.
     */
    public boolean needsCheck(long required, long now) {
        return !fresh(now) || Long.compareUnsigned(replayed, required) < 0;
    }

    /** Whether the last answer had replayed {@code required}. */
    public boolean replayed(long required) {
        return Long.compareUnsigned(replayed, required) >= 0;
    }

    /** Whether the last answer's lag is within the bound. */
    public boolean withinLag() {
        return lagMillis <= maxLagMillis;
    }

    /** Records an answer: the position replayed and the lag. */
    public void answered(long replayedPosition, long lag, long now) {
        replayed = replayedPosition;
        lagMillis = lag;
        checkedAt = now;
    }

    /** Records that it could not be reached (or is no replica): left alone for the configured time. */
    public void down(long now) {
        downUntil = now + downForNanos;
        checkedAt = NEVER;
    }

    /** The lag of the last answer, in milliseconds. */
    public long lagMillis() {
        return lagMillis;
    }

    private boolean fresh(long now) {
        return checkedAt != NEVER && now - checkedAt < checkIntervalNanos;
    }

    @Override
    public String toString() {
        return name;
    }
}
