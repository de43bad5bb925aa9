package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The last write of one reader (a user, a request chain), for a mapper with replicas: reads run with it in their
 * Reactor context never see the database older than that write, and commits run with it advance it. Carry it
 * across requests as an opaque {@link #token()} (a header or cookie), and start each request with
 * {@link #after(String)}:
 *
 * <pre>{@code
 * ReadYourWrites writes = ReadYourWrites.after(request.getHeaders().getFirst("Braid-Read-After"));
 * return chain.filter(exchange).contextWrite(writes.context())
 *         .doOnSuccess(v -> ...header "Braid-Read-After" = writes.token());
 * }</pre>
 *
 * <p>Without one in the context, a read waits for the last write this mapper committed (any reader's), which is
 * safe and coarser. Thread-safe: the position only moves forward.
 */
public final class ReadYourWrites {
    private final AtomicLong position;

    private ReadYourWrites(long position) {
        this.position = new AtomicLong(position);
    }

    /**
     * A reader that has written nothing yet: its reads take any replica within the maximum lag.
     *
     * @return a new tracker
     */
    public static ReadYourWrites start() {
        return new ReadYourWrites(0);
    }

    /**
     * A reader whose last write is {@code token} (from an earlier {@link #token()}).
     *
     * @param token the token, or null or blank for a reader that has written nothing
     * @return a new tracker at that position
     * @throws MapperException {@code BRAID_ARGUMENT} when the token is not one Braid made (treat it as absent:
     *         a client may send anything)
     */
    public static ReadYourWrites after(@Nullable String token) {
        if (token == null || token.isBlank()) return start();
        try {
            if (token.length() <= 16) return new ReadYourWrites(Long.parseUnsignedLong(token.strip(), 16));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MapperException(ErrorCode.BRAID_ARGUMENT, "'" + token + "' is not a read-your-writes token (up to"
                + " 16 hexadecimal digits, as ReadYourWrites.token() makes them). Fix: pass the token unchanged, or"
                + " start the reader with ReadYourWrites.start()");
    }

    /**
     * The reader's position as a token to carry to its next request.
     *
     * @return up to 16 hexadecimal digits, or null when the reader has written nothing
     */
    public @Nullable String token() {
        long current = position.get();
        return current == 0 ? null : Long.toHexString(current);
    }

    /**
     * The Reactor context that puts this tracker under reads and writes: {@code flux.contextWrite(writes.context())}.
     *
     * @return a context holding this tracker
     */
    public Context context() {
        return Context.of(ReadYourWrites.class, this);
    }

    /**
     * The tracker in a Reactor context.
     *
     * @param context the subscriber's context
     * @return the tracker, or null when there is none
     */
    public static @Nullable ReadYourWrites in(ContextView context) {
        return context.getOrDefault(ReadYourWrites.class, null);
    }

    /** The position reads must have replayed (0: none). */
    long position() {
        return position.get();
    }

    /** Moves the position forward to {@code committed} (never back). */
    void advance(long committed) {
        position.accumulateAndGet(committed, WritePositions::later);
    }

    @Override
    public String toString() {
        return "ReadYourWrites[" + (position.get() == 0 ? "nothing written" : token()) + "]";
    }
}
