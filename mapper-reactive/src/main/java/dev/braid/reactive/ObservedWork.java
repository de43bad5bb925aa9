package dev.braid.reactive;

import dev.braid.reactive.Execution.Kind;
import dev.braid.reactive.internal.exec.WorkObserver;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.ContextView;

import java.util.List;

/**
 * Units of work observed by the mapper's {@link ExecutionObserver}s: each is started when subscribed, with the
 * subscriber's context, ended exactly once, after what runs inside it (a cancel ends it once it has reached
 * the work inside), and its work runs with the context the observers propagate, so the statements and units
 * inside nest under it. A load's path continues the path of the load it runs in.
 */
final class ObservedWork implements WorkObserver {
    private static final Object LOAD_PATH = new Object(); // context key: the path of the innermost load

    private final ObserverChain observers;
    private final String database;
    private final Execution flush;
    private final Execution withSession;
    private final Execution inTransaction;

    ObservedWork(ObserverChain observers, String database) {
        this.observers = observers;
        this.database = database;
        this.flush = Execution.unit(Kind.FLUSH, database, null, null);
        this.withSession = Execution.unit(Kind.WITH_SESSION, database, null, null);
        this.inTransaction = Execution.unit(Kind.IN_TRANSACTION, database, null, null);
    }

    @Override
    public Mono<Void> flush(Mono<Void> work) {
        return Mono.deferContextual(context -> observe(flush, null, work, context));
    }

    @Override
    public Mono<Void> load(Class<?> owner, String attribute, String qualifiedName, Mono<Void> work) {
        return Mono.deferContextual(context -> {
            String parent = context.getOrDefault(LOAD_PATH, null);
            String path = parent == null ? qualifiedName : parent + "." + attribute;
            return observe(Execution.unit(Kind.LOAD, database, owner, path), path, work, context);
        });
    }

    @Override
    public <T> Mono<List<T>> window(Class<?> root, Mono<List<T>> work) {
        return Mono.deferContextual(context ->
                observe(Execution.unit(Kind.STREAM_WINDOW, database, root, null), null, work, context));
    }

    @Override
    public <T> Flux<T> session(boolean transactional, Flux<T> work) {
        return Flux.deferContextual(context -> {
            ExecutionProbe probe = new ExecutionProbe(observers.start(transactional ? inTransaction : withSession,
                    context), null);
            return work.doOnComplete(probe::succeeded)
                    .doOnError(probe::failed)
                    // After the cancel went upstream: the statements and units inside end first.
                    .doFinally(signal -> { if (signal == SignalType.CANCEL) probe.cancelled(); })
                    .contextWrite(probe::propagate);
        });
    }

    private <T> Mono<T> observe(Execution execution, @Nullable String path, Mono<T> work, ContextView context) {
        ExecutionProbe probe = new ExecutionProbe(observers.start(execution, context), null);
        return work.doOnSuccess(value -> probe.succeeded())
                .doOnError(probe::failed)
                .doFinally(signal -> { if (signal == SignalType.CANCEL) probe.cancelled(); })
                .contextWrite(c -> probe.propagate(path == null ? c : c.put(LOAD_PATH, path)));
    }
}
