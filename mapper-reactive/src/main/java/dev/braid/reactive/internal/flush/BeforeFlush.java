package dev.braid.reactive.internal.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.LifecycleMethods.Event;
import dev.braid.core.internal.plan.flush.PendingChanges;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.mapping.MappingRegistry;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs when a flush starts, before its statements are planned: the {@code before*} lifecycle
 * callbacks on the objects to insert, update and delete (in that order, one object after the other), then
 * the sequence keys of the new objects that still have none, drawn from the mapper's {@link SequencePool}.
 * A failure reverts what was changed on the objects since the flush started; nothing has been written.
 */
public final class BeforeFlush {
    private final FlushCallbacks events;
    private final SequencePool sequences;

    private BeforeFlush(FlushCallbacks events, SequencePool sequences) {
        this.events = events;
        this.sequences = sequences;
    }

    /**
     * The preparation for a mapper, or null when it has no {@code before*} callbacks and no sequence keys.
     *
     * @param events the callbacks, or null when there are none
     */
    public static BeforeFlush of(MappingRegistry registry, FlushCallbacks events, SequencePool sequences) {
        boolean sequenceKeys = registry.entities().stream().anyMatch(m -> m.valueSources().sequenceKey() != null);
        if (events == null && !sequenceKeys) return null;
        return new BeforeFlush(events, sequences);
    }

    /** Runs the callbacks and assigns keys; emits the changes to plan, or nothing when nothing is pending. */
    public Mono<PendingChanges> prepare(Connection connection, UnitOfWork unitOfWork) {
        return Mono.defer(() -> {
            PendingChanges changes = unitOfWork.pendingChanges();
            if (changes == null) return Mono.empty();
            Mono<Void> callbacks = events == null ? Mono.empty()
                    : events.before(Event.BEFORE_INSERT, changes.inserted())
                    .then(events.before(Event.BEFORE_UPDATE, changes.updated()))
                    .then(events.before(Event.BEFORE_DELETE, changes.deleted()));
            return callbacks
                    .then(Mono.defer(() -> sequenceKeys(connection, changes)))
                    .thenReturn(changes)
                    .doOnError(e -> changes.abort())
                    .doOnCancel(changes::abort);
        });
    }

    private Mono<Void> sequenceKeys(Connection connection, PendingChanges changes) {
        Map<ColumnMapping, List<Object>> needing = new LinkedHashMap<>();
        for (EntityState state : changes.insertedStates()) {
            EntityMapping mapping = state.mapping();
            ColumnMapping key = mapping.valueSources().sequenceKey();
            if (key != null && key.get(state.entity()) == null) {
                needing.computeIfAbsent(key, k -> new ArrayList<>()).add(state.entity());
            }
        }
        if (needing.isEmpty()) return Mono.empty();
        return Flux.fromIterable(needing.entrySet())
                .concatMap(e -> {
                    ColumnMapping key = e.getKey();
                    List<Object> entities = e.getValue();
                    return sequences.take(connection, key.source().sequence(), key.source().allocationSize(),
                                    entities.size(), key.entityType())
                            .doOnNext(keys -> {
                                boolean integer = key.type().databaseClass() == Integer.class;
                                for (int i = 0; i < keys.length; i++) {
                                    Object entity = entities.get(i);
                                    key.set(entity, integer ? (Object) Math.toIntExact(keys[i]) : (Object) keys[i]);
                                    changes.onAbort(() -> key.set(entity, null));
                                }
                            });
                })
                .then();
    }
}
