package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.ColumnOptions;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.IdGeneration;
import dev.braid.core.internal.meta.ValueSources;
import dev.braid.core.internal.util.Require;
import dev.braid.core.internal.util.UuidGenerator;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Deque;
import java.util.List;

/**
 * The values Braid fills in on a session's objects: generated UUID keys when an object enters the
 * session; client defaults and creation timestamps at INSERT (when null); update timestamps at every
 * UPDATE. One per mapper (it holds the clock and the UUID generator), shared by its sessions.
 * Timestamps are cut to microseconds, what both databases store, so the object equals what is read back.
 */
public final class ValueGeneration {
    private final Clock clock;
    private final UuidGenerator uuids;

    /** Values from {@code clock}. */
    public ValueGeneration(Clock clock) {
        this.clock = Require.nonNull(clock, "clock");
        this.uuids = new UuidGenerator(clock);
    }

    /** The system clock in UTC. */
    public static ValueGeneration systemDefault() {
        return new ValueGeneration(Clock.systemUTC());
    }

    /** The clock timestamps are read from. */
    public Clock clock() {
        return clock;
    }

    /** Assigns a generated UUID key to an object entering the session, unless it has one. */
    void enter(EntityMapping mapping, Object entity) {
        ColumnMapping key = mapping.valueSources().uuidKey();
        if (key == null || key.get(entity) != null) return;
        key.set(entity, key.generation() == IdGeneration.UUID_V4 ? uuids.v4() : uuids.v7());
    }

    /** Client defaults and timestamps of a row about to be inserted, where null; undone if the flush fails. */
    void beforeInsert(EntityState state, Deque<Runnable> undo) {
        ValueSources sources = state.mapping().valueSources();
        List<ColumnMapping> columns = sources.insertValues();
        if (columns.isEmpty()) return;
        Object entity = state.entity();
        Instant now = null;
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            if (column.get(entity) != null) continue;
            Object value;
            if (column.source().timestamp() != ColumnOptions.Timestamp.NONE) {
                if (now == null) now = now();
                value = timestamp(column, now);
            } else {
                value = clientDefault(column);
            }
            column.set(entity, value);
            undo.push(() -> column.set(entity, null));
        }
    }

    /** Update timestamps of a row about to be updated; undone if the flush fails. */
    void beforeUpdate(EntityState state, Deque<Runnable> undo) {
        List<ColumnMapping> columns = state.mapping().valueSources().updateTimestamps();
        if (columns.isEmpty()) return;
        Object entity = state.entity();
        Instant now = now();
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            Object previous = column.get(entity);
            column.set(entity, timestamp(column, now));
            undo.push(() -> column.set(entity, previous));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Object timestamp(ColumnMapping column, Instant now) {
        Class<?> type = column.type().javaClass();
        if (type == Instant.class) return now;
        if (type == OffsetDateTime.class) return OffsetDateTime.ofInstant(now, clock.getZone());
        return LocalDateTime.ofInstant(now, clock.getZone());
    }

    private static Object clientDefault(ColumnMapping column) {
        Object value = column.source().clientDefault().get();
        if (value != null && !dev.braid.core.internal.meta.Boxing.boxed(column.type().javaClass()).isInstance(value)) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "The client default of " + column.qualifiedName()
                    + " returned a " + value.getClass().getName() + ", but the attribute is "
                    + column.type().javaClass().getName() + ". Fix: return a " + column.type().javaClass().getSimpleName());
        }
        return value;
    }
}
