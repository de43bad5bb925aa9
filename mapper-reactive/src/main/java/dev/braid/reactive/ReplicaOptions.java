package dev.braid.reactive;

import dev.braid.core.internal.util.Require;

import java.time.Duration;

/**
 * How a mapper with replicas ({@link MapperBuilder#replicas}) routes reads. Immutable; each {@code with} method
 * returns a copy.
 *
 * <pre>{@code
 * ReplicaOptions.defaults().maxLag(Duration.ofSeconds(2)).readYourWritesWait(Duration.ofMillis(500))
 * }</pre>
 *
 * @param maxLag             a replica whose replay lags further behind the primary is skipped (default 5 s)
 * @param readYourWritesWait the longest a read waits for a replica to replay the reader's last write before it
 *                           goes to the primary (default 1 s)
 * @param pollInterval       how often a waiting read asks the replica again (default 5 ms)
 * @param checkInterval      a replica's position and lag are asked again at most this long after the last answer,
 *                           and whenever a read needs a later position than the last answer (default 1 s)
 * @param downFor            a replica that could not be reached is not tried again for this long (default 5 s)
 * @param acquireTimeout     the longest a read waits for a replica connection before it goes to the primary
 *                           (default 2 s)
 */
public record ReplicaOptions(Duration maxLag, Duration readYourWritesWait, Duration pollInterval,
                             Duration checkInterval, Duration downFor, Duration acquireTimeout) {

    /**
     * Checks the durations.
     *
     * @param maxLag             a replica whose replay lags further behind the primary is skipped
     * @param readYourWritesWait the longest a read waits for a replica to replay the reader's last write
     * @param pollInterval       how often a waiting read asks the replica again
     * @param checkInterval      how long a replica's answer is trusted
     * @param downFor            how long a replica that could not be reached is left alone
     * @param acquireTimeout     the longest a read waits for a replica connection
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when one is null or negative, or the poll
     *         interval, down time or acquire timeout is zero
     */
    public ReplicaOptions {
        nonNegative(maxLag, "maxLag");
        nonNegative(readYourWritesWait, "readYourWritesWait");
        positive(pollInterval, "pollInterval");
        nonNegative(checkInterval, "checkInterval");
        positive(downFor, "downFor");
        positive(acquireTimeout, "acquireTimeout");
    }

    /**
     * The defaults: 5 s maximum lag, 1 s read-your-writes wait polled every 5 ms, state checked every second,
     * an unreachable replica left alone for 5 s, 2 s to get a replica connection.
     *
     * @return the default options
     */
    public static ReplicaOptions defaults() {
        return new ReplicaOptions(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(5),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    /**
     * @param value the maximum replay lag of a replica that reads may use
     * @return a copy with it
     */
    public ReplicaOptions maxLag(Duration value) {
        return new ReplicaOptions(value, readYourWritesWait, pollInterval, checkInterval, downFor, acquireTimeout);
    }

    /**
     * @param value the longest wait for a replica to replay the reader's last write (0: never wait, go to the primary)
     * @return a copy with it
     */
    public ReplicaOptions readYourWritesWait(Duration value) {
        return new ReplicaOptions(maxLag, value, pollInterval, checkInterval, downFor, acquireTimeout);
    }

    /**
     * @param value how often a waiting read asks the replica again
     * @return a copy with it
     */
    public ReplicaOptions pollInterval(Duration value) {
        return new ReplicaOptions(maxLag, readYourWritesWait, value, checkInterval, downFor, acquireTimeout);
    }

    /**
     * @param value the longest a replica's last known position and lag are trusted (0: asked before every read)
     * @return a copy with it
     */
    public ReplicaOptions checkInterval(Duration value) {
        return new ReplicaOptions(maxLag, readYourWritesWait, pollInterval, value, downFor, acquireTimeout);
    }

    /**
     * @param value how long an unreachable replica is left alone
     * @return a copy with it
     */
    public ReplicaOptions downFor(Duration value) {
        return new ReplicaOptions(maxLag, readYourWritesWait, pollInterval, checkInterval, value, acquireTimeout);
    }

    /**
     * @param value the longest wait for a replica connection
     * @return a copy with it
     */
    public ReplicaOptions acquireTimeout(Duration value) {
        return new ReplicaOptions(maxLag, readYourWritesWait, pollInterval, checkInterval, downFor, value);
    }

    private static void nonNegative(Duration value, String name) {
        Require.nonNull(value, name);
        Require.argument(!value.isNegative(), "ReplicaOptions." + name + " must not be negative, was " + value);
    }

    private static void positive(Duration value, String name) {
        nonNegative(value, name);
        Require.argument(!value.isZero(), "ReplicaOptions." + name + " must be positive, was " + value);
    }
}
