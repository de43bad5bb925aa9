package dev.braid.reactive;

import dev.braid.core.internal.plan.flush.ValueGeneration;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.flush.BeforeFlush;
import dev.braid.reactive.internal.flush.SequencePool;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a mapper's sessions share for the values Braid fills in and the lifecycle events: the clock and
 * UUID generator, the sequence key pool, the listeners. Made once per mapper.
 *
 * @param values     generated UUID keys, defaults, timestamps
 * @param beforeFlush callbacks and sequence keys before each flush is planned, or null when there are none
 * @param afterLoad  called for every object a load registers in a session, or null when nothing listens
 * @param sequences  the mapper's pool of drawn sequence key blocks
 * @param replicas   the mapper's replicas and commit positions, or null when it has no replicas
 */
record SessionHooks(ValueGeneration values, @Nullable BeforeFlush beforeFlush, @Nullable Consumer<Object> afterLoad,
                    SequencePool sequences, @Nullable ReplicaReads replicas) {

    static SessionHooks of(MappingRegistry registry, Clock clock, List<EntityEvents.Registration> listeners,
                           SqlRenderer renderer, StatementExecutor executor, @Nullable ReplicaReads replicas) {
        EntityEvents events = new EntityEvents(registry, listeners);
        SequencePool sequences = new SequencePool(renderer, executor);
        BeforeFlush before = BeforeFlush.of(registry, events.hasBeforeFlush() ? events : null, sequences);
        return new SessionHooks(new ValueGeneration(clock), before, events.hasAfterLoad() ? events::afterLoad : null, sequences,
                replicas);
    }
}
