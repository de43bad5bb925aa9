package dev.braid.reactive;

import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.LifecycleMethods;
import dev.braid.core.internal.meta.LifecycleMethods.Callback;
import dev.braid.core.internal.meta.LifecycleMethods.Event;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.internal.flush.FlushCallbacks;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.List;

/**
 * Calls the lifecycle callbacks of a mapper: its listeners (mapper-wide, then per entity class) and the
 * entities' own annotated methods, one object after the other ({@code concatMap}), never blocking.
 */
final class EntityEvents implements FlushCallbacks {
    /** A listener and the class whose instances it listens to ({@code Object} for all). */
    record Registration(Class<?> type, EntityListener<?> listener) {}

    private final MappingRegistry registry;
    private final List<Registration> listeners;
    private final boolean beforeFlush;
    private final boolean afterLoad;

    EntityEvents(MappingRegistry registry, List<Registration> listeners) {
        this.registry = registry;
        // Mapper-wide listeners first, then the per-entity ones, each in the order registered.
        List<Registration> ordered = new java.util.ArrayList<>(listeners);
        ordered.sort(java.util.Comparator.comparing(r -> r.type() != Object.class));
        this.listeners = List.copyOf(ordered);
        boolean before = !listeners.isEmpty();
        boolean load = !listeners.isEmpty();
        for (EntityMapping m : registry.entities()) {
            LifecycleMethods l = m.lifecycle();
            before |= !l.of(Event.BEFORE_INSERT).isEmpty() || !l.of(Event.BEFORE_UPDATE).isEmpty()
                    || !l.of(Event.BEFORE_DELETE).isEmpty();
            load |= !l.of(Event.AFTER_LOAD).isEmpty();
        }
        this.beforeFlush = before;
        this.afterLoad = load;
    }

    /** True when some callback runs before a flush. */
    boolean hasBeforeFlush() { return beforeFlush; }

    /** True when some callback runs after a load. */
    boolean hasAfterLoad() { return afterLoad; }

    /** Runs the {@code event} callbacks of every object, in order, with the subscriber's context. */
    @Override
    public Mono<Void> before(Event event, List<Object> entities) {
        if (entities.isEmpty()) return Mono.empty();
        return Mono.deferContextual(context -> Flux.fromIterable(entities)
                .concatMap(entity -> before(event, entity, context))
                .then());
    }

    private Mono<Void> before(Event event, Object entity, ContextView context) {
        Flux<Void> calls = Flux.empty();
        for (Registration r : listeners) {
            if (!r.type().isInstance(entity)) continue;
            @SuppressWarnings("unchecked") EntityListener<Object> l = (EntityListener<Object>) r.listener();
            calls = calls.concatWith(Flux.defer(() -> call(event, l, entity, context)));
        }
        for (Callback callback : registry.entity(entity.getClass()).lifecycle().of(event)) {
            calls = calls.concatWith(Flux.defer(() -> invoke(callback, entity, context)));
        }
        return calls.then();
    }

    private static Publisher<Void> call(Event event, EntityListener<Object> listener, Object entity, ContextView context) {
        Publisher<Void> result = switch (event) {
            case BEFORE_INSERT -> listener.beforeInsert(entity, context);
            case BEFORE_UPDATE -> listener.beforeUpdate(entity, context);
            case BEFORE_DELETE -> listener.beforeDelete(entity, context);
            case AFTER_LOAD -> null;
        };
        return result == null ? Mono.empty() : result;
    }

    @SuppressWarnings("unchecked")
    private static Publisher<Void> invoke(Callback callback, Object entity, ContextView context) {
        Object result = callback.takesContext() ? invokeExact(callback, entity, context) : invokeExact(callback, entity, null);
        return callback.returnsPublisher() && result != null ? Flux.from((Publisher<Object>) result).then() : Mono.empty();
    }

    /** Called for every object a load registers in a session. */
    void afterLoad(Object entity) {
        for (Registration r : listeners) {
            if (!r.type().isInstance(entity)) continue;
            @SuppressWarnings("unchecked") EntityListener<Object> l = (EntityListener<Object>) r.listener();
            l.afterLoad(entity);
        }
        EntityMapping mapping = registry.find(entity.getClass()).orElse(null);
        if (mapping == null) return;
        for (Callback callback : mapping.lifecycle().of(Event.AFTER_LOAD)) invokeExact(callback, entity, null);
    }

    private static Object invokeExact(Callback callback, Object entity, ContextView context) {
        try {
            return context == null ? callback.handle().invoke(entity) : callback.handle().invoke(entity, context);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_ARGUMENT,
                    "The lifecycle method " + callback.name() + " threw " + e, e);
        }
    }
}
