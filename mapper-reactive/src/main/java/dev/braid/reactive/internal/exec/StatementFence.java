package dev.braid.reactive.internal.exec;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Orders a session's statements against the end of its transaction, so that a cancel never lets a write
 * reach the server after the ROLLBACK.
 *
 * <p>Two races are closed here. First, a cancel that reaches the driver while a write is on its way does
 * not stop the write on the server: r2dbc-postgresql sends a statement in two exchanges (Parse, then
 * Bind/Execute once it is prepared) and r2dbc-mariadb prepares before it executes, so a ROLLBACK issued at
 * the cancel can overtake the second half. A write is therefore never cancelled on the wire: its caller
 * stops waiting, the statement finishes, and the end of the session waits for it ({@link #close()}).
 * Second, a cancel from another thread (a client disconnect, a timeout) can arrive while the session's
 * event-loop thread is about to start the next statement of the same operation; the ROLLBACK, decided on
 * the cancelling thread, would not know about it. Starting a statement and closing the fence are atomic
 * with respect to each other: a statement either starts before the close (and the close waits for it) or
 * is refused with {@code BRAID_SESSION_CLOSED} and never sent.
 *
 * <p>A session puts its fence in the Reactor context of its operations ({@link #context()}); statements
 * outside a session (schema creation, the session's own BEGIN/ROLLBACK/reset) carry none and are not
 * fenced; writes still run to their end.
 */
public final class StatementFence {
    private static final State OPEN = new State(Mono.empty(), false);
    // Statements of these origins read; executed (not queried), they are a stream's DECLARE and CLOSE.
    private static final java.util.Set<StatementOrigin.Kind> READ_ORIGINS = java.util.EnumSet.of(StatementOrigin.Kind.QUERY,
            StatementOrigin.Kind.PROJECTION, StatementOrigin.Kind.COUNT, StatementOrigin.Kind.EXISTS,
            StatementOrigin.Kind.RELATIONSHIP_LOAD, StatementOrigin.Kind.CURSOR);

    private final Context context = Context.of(StatementFence.class, this);
    // The last write (statements run one at a time, so at most this one is still running) and whether the
    // session's end has begun.
    private final AtomicReference<State> state = new AtomicReference<>(OPEN);

    private record State(Mono<Void> lastWrite, boolean closed) { }

    // Writes started under this fence (for read-your-writes: a session that wrote reports its commit's position).
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    // A read-only session's fence refuses every write, unsent.
    private volatile boolean readOnly;

    // The session's statement budget, or null (then statements pay only this field's read).
    private volatile @Nullable StatementMeter meter;

    /** The session's statement budget from now on ({@code null}: none); see {@link StatementMeter}. */
    public void meter(@Nullable StatementMeter meter) {
        this.meter = meter;
    }

    /** The session's statement budget, or null. */
    public @Nullable StatementMeter meter() {
        return meter;
    }

    /** From now on every write under this fence is refused, unsent, with {@code BRAID_READ_ONLY}. */
    public void readOnly() {
        this.readOnly = true;
    }

    /** Whether writes are refused ({@link #readOnly()}). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** How many writes have started under this fence (a stream's DECLARE and CLOSE are not counted). */
    public long writes() {
        return writes.get();
    }

    /** The context that fences the statements started under it. */
    public Context context() {
        return context;
    }

    /** Completes when the last write started under this fence has ended, whatever its outcome. */
    public Mono<Void> settled() {
        return Mono.defer(() -> state.get().lastWrite());
    }

    /**
     * Refuses statements from now on and completes when the last write that started before has ended: what
     * the session runs before it ends its transaction (ROLLBACK or COMMIT, its own or a transaction manager's).
     */
    public Mono<Void> close() {
        return Mono.defer(() -> state.updateAndGet(s -> s.closed() ? s : new State(s.lastWrite(), true)).lastWrite());
    }

    /**
     * The write, started on subscription and run to its end even when the subscriber cancels: the cancel
     * only stops the waiting. Refused, unsent, when the fence in the subscriber's context is closed.
     */
    static <T> Mono<T> write(Mono<T> write) {
        return write(null, write);
    }

    /**
     * {@link #write(Mono)} of {@code sql}, counted by the session's budget first: refused, unsent, with
     * {@code BRAID_BUDGET} when the budget is spent.
     */
    static <T> Mono<T> write(@Nullable RenderedSql sql, Mono<T> write) {
        return Mono.deferContextual(view -> {
            @Nullable StatementFence fence = view.getOrDefault(StatementFence.class, null);
            // A stream's cursor (DECLARE, CLOSE: executed, with a query's origin) writes nothing: a read-only session
            // may open one, on a replica too.
            boolean writes = sql == null || !READ_ORIGINS.contains(sql.origin().kind());
            if (fence != null && fence.readOnly && writes) {
                return Mono.error(readOnlyRefusal(sql));
            }
            if (fence != null && sql != null && fence.meter != null && !fence.state.get().closed()) {
                MapperException refused = fence.charge(sql, view);
                if (refused != null) return Mono.error(refused);
            }
            Mono<T> running = write.cache();
            if (fence != null && !fence.record(running.then().onErrorResume(e -> Mono.empty()), writes)) {
                return Mono.error(closed());
            }
            // This subscriber keeps the write going; the caller gets its value or error through the cache.
            running.subscribe(null, e -> { }, null, Context.of(view));
            return running;
        });
    }

    /**
     * The read of {@code sql}, refused (unsent) when the fence in the subscriber's context is closed, or with
     * {@code BRAID_BUDGET} when the session's budget is spent.
     */
    static <T> Flux<T> read(RenderedSql sql, Flux<T> read) {
        return Flux.deferContextual(view -> {
            @Nullable StatementFence fence = view.getOrDefault(StatementFence.class, null);
            if (fence == null) return read;
            if (fence.state.get().closed()) return Flux.error(closed());
            // Raw SQL read for its rows may still write (UPDATE ... RETURNING): refused in a read-only session, and
            // counted, so read-your-writes waits for it.
            if (sql.origin().kind() == StatementOrigin.Kind.RAW_SQL && RawVerbs.mayWrite(sql.sql())) {
                if (!fence.readOnly) {
                    fence.writes.incrementAndGet();
                } else if (!RawVerbs.beginsAsRead(sql.sql())) {
                    return Flux.error(readOnlyRefusal(sql));
                }
            }
            MapperException refused = fence.meter == null ? null : fence.charge(sql, view);
            return refused == null ? read : Flux.error(refused);
        });
    }

    private @Nullable MapperException charge(RenderedSql sql, reactor.util.context.ContextView view) {
        StatementMeter current = meter;
        return current == null ? null : current.charge(sql, view);
    }

    // Records the write as the last one, unless the fence is closed: atomic with close().
    private boolean record(Mono<Void> write, boolean writes) {
        while (true) {
            State current = state.get();
            if (current.closed()) return false;
            if (state.compareAndSet(current, new State(write, false))) {
                if (writes) this.writes.incrementAndGet();
                return true;
            }
        }
    }

    /** The error of a write in a read-only session: nothing was sent. */
    public static MapperException readOnlyRefusal(@Nullable RenderedSql sql) {
        return new MapperException(ErrorCode.BRAID_READ_ONLY, "A read-only session (mapper.readOnly(...), whose reads"
                + " may run on a replica) was asked to write" + (sql == null ? "" : " (" + sql.sql() + ")")
                + "; nothing was sent. Fix: write in mapper.inTransaction(...) or mapper.withSession(...), and keep"
                + " mapper.readOnly(...) for reads");
    }

    private static MapperException closed() {
        return new MapperException(ErrorCode.BRAID_SESSION_CLOSED, "A statement was started after its session"
                + " began to end its transaction (the operation was cancelled, or the scope ended, while it ran);"
                + " it was not sent. Fix: keep every statement inside the session's scope, and do not start more"
                + " work from an operation that was cancelled");
    }
}
