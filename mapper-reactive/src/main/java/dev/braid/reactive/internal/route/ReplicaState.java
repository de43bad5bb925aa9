package dev.braid.reactive.internal.route;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What is known of one replica, from its last answer: when it was last unreachable, the log position it had
 * replayed and its lag. Times are {@link System#nanoTime()} values passed in (tests pass their own). Concurrent
 * reads update it: an answer is kept whole (position, lag and the time its question was asked), a newer question's
 * answer replaces an older one, and an answer to a question asked before the replica was found unreachable is
 * ignored.
 */
public final class ReplicaState {
    private record Answer(long replayed, long lagMillis, long askedAt) { }

    private record Known(@Nullable Answer answer, long downUntil) { }

    private static final long NEVER = Long.MIN_VALUE;
    private static final Known UNKNOWN = new Known(null, NEVER);

    private final String name;
    private final long maxLagMillis;
    private final long checkIntervalNanos;
    private final long downForNanos;
    private final AtomicReference<Known> known = new AtomicReference<>(UNKNOWN);

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
        Known current = known.get();
        if (current.downUntil() != NEVER && now - current.downUntil() < 0) return false;
        Answer answer = fresh(current, now);
        return answer == null || answer.lagMillis() <= maxLagMillis;
    }

    /**
     * Whether a read that must see {@code required} has to ask the replica first: no fresh answer, or the last one
     * had not replayed that far.
     */
    public boolean needsCheck(long required, long now) {
        Answer answer = fresh(known.get(), now);
        return answer == null || Long.compareUnsigned(answer.replayed(), required) < 0;
    }

    /** Whether the last answer had replayed {@code required}. */
    public boolean replayed(long required) {
        Answer answer = known.get().answer();
        return answer != null && Long.compareUnsigned(answer.replayed(), required) >= 0;
    }

    /** Whether the last answer's lag is within the bound. */
    public boolean withinLag() {
        Answer answer = known.get().answer();
        return answer == null || answer.lagMillis() <= maxLagMillis;
    }

    /**
     * Records an answer: the position replayed and the lag, to the question asked at {@code askedAt}. Kept unless a
     * later question was answered already, or the replica was found unreachable after this question was asked.
     */
    public void answered(long replayedPosition, long lag, long askedAt) {
        known.updateAndGet(current -> {
            Answer last = current.answer();
            if (last != null && last.askedAt() - askedAt > 0) return current;
            if (current.downUntil() != NEVER && current.downUntil() - downForNanos - askedAt > 0) return current;
            return new Known(new Answer(replayedPosition, lag, askedAt), current.downUntil());
        });
    }

    /** Records that it could not be reached (or is no replica): left alone for the configured time, its answer forgotten. */
    public void down(long now) {
        known.set(new Known(null, now + downForNanos));
    }

    private @Nullable Answer fresh(Known current, long now) {
        Answer answer = current.answer();
        return answer != null && now - answer.askedAt() < checkIntervalNanos ? answer : null;
    }

    @Override
    public String toString() {
        return name;
    }
}
