package dev.braid.reactive;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.plan.load.KeysetWindows;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.load.RowIdentity;
import dev.braid.core.internal.plan.load.SelectPlan;
import dev.braid.query.Query;
import dev.braid.statement.RenderedSql;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.exec.WorkObserver;
import dev.braid.reactive.internal.load.GraphLoader;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams a query's entities with their relationships in bounded memory: reads one window of roots
 * (a {@code FETCH} from a server-side cursor on PostgreSQL, a keyset page on H2), loads the window's
 * relationships, emits it, and only when the subscriber wants more reads the next window. No child
 * query ever starts while a root result is open. Each window has its own identity map, so emitted
 * objects are detached and memory does not grow with the stream.
 */
final class WindowedStream<T> {
    private final Connection connection;
    private final QueryPlanner planner;
    private final StatementExecutor executor;
    private final GraphLoader loader;
    private final boolean inTransaction;
    private final Query<T> query;
    private final int window;
    private final String cursor; // unique within the session's connection
    private final java.util.function.Consumer<Mono<Void>> cleanups;

    WindowedStream(Connection connection, QueryPlanner planner, StatementExecutor executor, GraphLoader loader,
                   boolean inTransaction, Query<T> query, int window, String cursor,
                   java.util.function.Consumer<Mono<Void>> cleanups) {
        this.cursor = cursor;
        this.cleanups = cleanups;
        dev.braid.core.internal.util.Require.argument(window >= 1, "stream(window) takes a window of at least 1 root, was " + window);
        this.connection = connection;
        this.planner = planner;
        this.executor = executor;
        this.loader = loader;
        this.inTransaction = inTransaction;
        this.query = query;
        this.window = window;
    }

    Flux<T> flux() {
        return planner.dialect().cursors().isPresent() ? cursorWindows() : keysetWindows();
    }

    /** PostgreSQL: DECLARE a cursor (inside a transaction), FETCH window by window, CLOSE on any end. */
    private Flux<T> cursorWindows() {
        SelectPlan plan = planner.streamWindow(query);
        RenderedSql fetch = planner.fetchCursor(cursor, window);
        Mono<Void> open = (inTransaction ? Mono.<Void>empty() : begin())
                .then(executor.execute(connection, planner.declareCursor(cursor, plan.sql())));
        Mono<Void> close = executor.execute(connection, planner.closeCursor(cursor))
                .then(inTransaction ? Mono.empty() : commit());
        Mono<Void> abandon = executor.execute(connection, planner.closeCursor(cursor)).onErrorResume(e -> Mono.empty())
                .then(inTransaction ? Mono.empty() : Mono.from(connection.rollbackTransaction()).onErrorResume(e -> Mono.empty()));
        // Not usingWhen: on cancel its cleanup would race the session's own release of the connection.
        // The session runs a cancelled stream's cleanup before anything else touches the connection.
        return open.thenMany(windows(last -> loadWindow(plan, fetch)))
                .concatWith(close.then(Mono.empty()))
                .onErrorResume(error -> abandon.then(Mono.error(error)))
                .doOnCancel(() -> cleanups.accept(abandon));
    }

    /** H2: keyset pages ({@code id > last ORDER BY id LIMIT window}) or offset pages, as {@link KeysetWindows} plans them. */
    private Flux<T> keysetWindows() {
        KeysetWindows<T> pages = KeysetWindows.of(planner.registry(), query, window);
        AtomicLong page = new AtomicLong();
        return windows(last -> loadWindow(planner.streamWindow(pages.window(page.getAndIncrement(), last)), null));
    }

    /**
     * Windows on demand: at most one window is read ahead of what the subscriber has taken, so memory
     * holds two windows at most; a window shorter than the window size is the last.
     */
    private Flux<T> windows(java.util.function.Function<T, Mono<List<T>>> next) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<Boolean> done = new AtomicReference<>(false);
        // prefetch 0: no queue of windows builds up; a window is read when the previous one was handed on.
        return Flux.<Integer>generate(sink -> sink.next(0))
                .concatMap(tick -> done.get() ? Mono.just(List.<T>of()) : next.apply(last.get()), 0)
                .takeWhile(list -> !list.isEmpty())
                .doOnNext(list -> {
                    last.set(list.get(list.size() - 1));
                    if (list.size() < window) done.set(true);
                })
                .concatMap(Flux::fromIterable, 0);
    }

    /**
     * Reads one window of roots completely, then loads its relationships into a fresh identity map; with
     * observers, as one unit of work.
     */
    private Mono<List<T>> loadWindow(SelectPlan plan, RenderedSql fetch) {
        Mono<List<T>> window = readWindow(plan, fetch);
        WorkObserver work = executor.work();
        return work == null ? window : work.window(query.entityType(), window);
    }

    private Mono<List<T>> readWindow(SelectPlan plan, RenderedSql fetch) {
        return Mono.defer(() -> {
            IdentityMap map = new IdentityMap();
            EntityHydrator hydrator = EntityHydrator.untracked(map); // the objects are detached: no snapshots
            RowIdentity identity = RowIdentity.of(plan);
            EntityMapping root = plan.entity();
            Set<Object> seen = identity.roots() ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
            List<T> roots = new ArrayList<>();
            return executor.consume(connection, fetch != null ? fetch : plan.sql(), row -> {
                        Object entity = identity.roots() ? hydrator.hydrate(root, row, 0) : hydrator.hydrateNew(root, row, 0);
                        if (seen == null || seen.add(entity)) roots.add(query.entityType().cast(entity));
                    }, false)
                    .then(Mono.defer(() -> loader.load(connection, new GraphLoader.Target(map, null, hydrator, identity),
                            roots, true, plan.load(), Set.of())))
                    .then(Mono.fromCallable(() -> roots));
        });
    }

    private Mono<Void> begin() {
        return Mono.from(connection.beginTransaction()).onErrorMap(e -> executor.errors().exception(e, "BEGIN"));
    }

    private Mono<Void> commit() {
        return Mono.from(connection.commitTransaction()).onErrorMap(e -> executor.errors().exception(e, "COMMIT"));
    }
}
