package dev.braid.reactive;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.plan.load.ExplicitLoad;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Relation;
import dev.braid.reactive.internal.load.GraphLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explicit loads merged per relationship path (a reactive DataLoader): the first {@code load} of a path registers
 * a batch and queues one operation for it; every load of the same path issued before that operation starts joins
 * the batch. When it starts, the operation takes the objects of every caller still waiting and loads them with one
 * selectin query per chunk of keys, as {@code Loads.selectin} would. Loads issued while the session is busy (in
 * particular in reaction to an operation's result, e.g. {@code flatMap} over a query's rows) therefore cost the
 * statements of one load.
 *
 * <p>The batch runs on its own subscription: a caller that cancels only leaves it (its objects may still be
 * loaded); the batch is cancelled when every caller has left. A caller whose objects are not in the session fails
 * alone.
 */
final class CoalescedLoads {
    private final MappingRegistry registry;
    private final QueryPlanner planner;
    private final GraphLoader graphLoader;
    private final IdentityMap identityMap;
    private final EntityHydrator hydrator;
    private final SessionGate gate;
    // Batches not started yet, by path; guarded by this.
    private final Map<List<Relation<?, ?>>, Batch> pending = new HashMap<>();

    CoalescedLoads(MappingRegistry registry, QueryPlanner planner, GraphLoader graphLoader, IdentityMap identityMap,
                   EntityHydrator hydrator, SessionGate gate) {
        this.registry = registry;
        this.planner = planner;
        this.graphLoader = graphLoader;
        this.identityMap = identityMap;
        this.hydrator = hydrator;
        this.gate = gate;
    }

    /** Loads {@code path} for {@code entities}, in the batch of its path that has not started yet. */
    Mono<Void> load(Collection<?> entities, Relation<?, ?>[] path) {
        List<Relation<?, ?>> key = List.of(path);
        List<Object> objects = List.copyOf(entities);
        return Mono.deferContextual(context -> {
            Caller caller = new Caller(objects);
            Batch batch;
            boolean first;
            synchronized (this) {
                batch = pending.get(key);
                first = batch == null;
                if (first) {
                    batch = new Batch(key);
                    pending.put(key, batch);
                }
                batch.callers.add(caller);
            }
            if (first) {
                batch.run(Context.of(context));
            }
            Batch joined = batch;
            return caller.done.asMono().doOnCancel(() -> joined.leave(caller));
        });
    }

    /** One caller of a batch: its objects and its outcome. */
    private static final class Caller {
        private final List<Object> objects;
        private final Sinks.Empty<Void> done = Sinks.empty();
        private volatile boolean cancelled;

        Caller(List<Object> objects) {
            this.objects = objects;
        }
    }

    /** The loads of one path waiting for their operation to start. */
    private final class Batch {
        private final List<Relation<?, ?>> path;
        private final List<Caller> callers = new ArrayList<>(); // guarded by CoalescedLoads.this
        private boolean started; // guarded by CoalescedLoads.this
        private @Nullable Disposable operation;
        private boolean abandoned; // guarded by CoalescedLoads.this

        Batch(List<Relation<?, ?>> path) {
            this.path = path;
        }

        void run(Context context) {
            Disposable running = gate.active("load " + path, this::start).contextWrite(context)
                    .subscribe(null, this::fail, this::succeed);
            boolean dispose;
            synchronized (CoalescedLoads.this) {
                operation = running;
                dispose = abandoned;
            }
            if (dispose) running.dispose();
        }

        // Runs in the session's turn: takes every caller so far; later loads of the path make a new batch.
        private Mono<Void> start() {
            List<Caller> taken;
            synchronized (CoalescedLoads.this) {
                started = true;
                pending.remove(path, this);
                taken = List.copyOf(callers);
            }
            Relation<?, ?>[] relations = path.toArray(Relation<?, ?>[]::new);
            List<Object> objects = new ArrayList<>();
            for (Caller caller : taken) {
                if (caller.cancelled) continue;
                try { // a caller whose objects the session does not hold fails alone
                    ExplicitLoad.plan(registry, planner.loads(), identityMap, caller.objects, relations);
                    objects.addAll(caller.objects);
                } catch (RuntimeException e) {
                    caller.done.tryEmitError(e);
                }
            }
            if (objects.isEmpty()) {
                return Mono.empty();
            }
            List<LoadNode> nodes = ExplicitLoad.plan(registry, planner.loads(), identityMap, objects, relations);
            SessionTransaction transaction = gate.transaction();
            return transaction.autoflush().then(graphLoader.load(transaction.connection(), identityMap, hydrator,
                    objects, nodes, Set.of()));
        }

        private void succeed() {
            for (Caller caller : callers()) caller.done.tryEmitEmpty();
        }

        private void fail(Throwable error) {
            for (Caller caller : callers()) caller.done.tryEmitError(error);
        }

        private List<Caller> callers() {
            synchronized (CoalescedLoads.this) {
                return List.copyOf(callers);
            }
        }

        /** A caller cancelled: the batch goes on for the others, and is cancelled when none is left. */
        void leave(Caller caller) {
            caller.cancelled = true;
            Disposable running;
            synchronized (CoalescedLoads.this) {
                for (Caller c : callers) {
                    if (!c.cancelled) return;
                }
                abandoned = true;
                if (!started) pending.remove(path, this);
                running = operation;
            }
            if (running != null) running.dispose();
        }
    }
}
