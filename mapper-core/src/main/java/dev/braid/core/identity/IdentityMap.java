package dev.braid.core.identity;

import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.EntityMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's objects: one object per row (by key), and the state of every object the session
 * tracks (by object identity, so user-defined equals/hashCode never matter). Not thread-safe: a
 * session runs one operation at a time.
 */
public final class IdentityMap {
    private final Map<EntityKey, Object> byKey = new HashMap<>();
    private final Map<Object, EntityState> states = new IdentityHashMap<>();
    // Flushes write in the order objects joined the session. An append-only list (removed states are
    // skipped and compacted away now and then) keeps that order without sorting and without relying on
    // the objects' equals/hashCode.
    private final java.util.ArrayList<EntityState> order = new java.util.ArrayList<>();
    private int removed;

    /** The object for a key, or null. */
    public Object get(EntityKey key) {
        return byKey.get(key);
    }

    /** The state of a tracked object, or null when the session does not know it. */
    public EntityState stateOf(Object entity) {
        return states.get(entity);
    }

    public boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    /** Registers an object just loaded from a row. */
    public EntityState loaded(EntityMapping mapping, Object entity, EntityKey key, Object[] snapshot) {
        EntityState state = new EntityState(mapping, entity, EntityStatus.PERSISTENT, key, snapshot);
        track(state);
        byKey.put(key, entity);
        return state;
    }

    /**
     * Remembers the object for a key without tracking it (read-only results: later rows with the
     * same key yield this object, but a flush never looks at it and {@link #stateOf} knows nothing).
     */
    public void remember(EntityKey key, Object entity) {
        byKey.put(key, entity);
    }

    /** Registers a new object to insert at the next flush. */
    public EntityState pending(EntityMapping mapping, Object entity) {
        EntityKey key = mapping.keyOf(entity);
        if (key != null) {
            Object existing = byKey.get(key);
            if (existing != null && existing != entity) {
                throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Another " + mapping.name() + " object with key "
                        + key + " is already in this session. Fix: modify that object (session.get), or merge");
            }
        }
        EntityState state = new EntityState(mapping, entity, EntityStatus.PENDING, key, null);
        track(state);
        if (key != null) byKey.put(key, entity);
        return state;
    }

    /** Records a successful INSERT: the object now has a row with this key and these values. */
    public void inserted(EntityState state, EntityKey key, Object[] snapshot) {
        if (state.key() != null && !state.key().equals(key)) byKey.remove(state.key());
        state.key(key);
        state.snapshot(snapshot);
        state.status(EntityStatus.PERSISTENT);
        byKey.put(key, state.entity());
    }

    /** Undoes {@link #inserted} after a failed flush: the object is pending again with its old key. */
    public void uninserted(EntityState state, EntityKey previousKey) {
        if (state.key() != null && byKey.get(state.key()) == state.entity()) byKey.remove(state.key());
        state.key(previousKey);
        state.snapshot(null);
        state.status(EntityStatus.PENDING);
        if (previousKey != null) byKey.put(previousKey, state.entity());
    }

    /** Tracks a removed object again (undo of a DELETE after a failed flush). */
    public void reinstate(EntityState state, EntityStatus status) {
        state.status(status);
        if (states.put(state.entity(), state) == null && !state.listed) {
            state.listed = true; // compacted out meanwhile: back at the end
            order.add(state);
        }
        state.tracked = true;
        if (state.key() != null) byKey.put(state.key(), state.entity());
    }

    /** Records a successful UPDATE. */
    public void updated(EntityState state, Object[] snapshot) {
        state.snapshot(snapshot);
    }

    public void markDeleted(EntityState state) {
        state.status(EntityStatus.DELETED);
    }

    /** Undoes {@link #markDeleted}. */
    public void restore(EntityState state) {
        state.status(EntityStatus.PERSISTENT);
    }

    /** Forgets an object (after its DELETE, or when a pending object is deleted before it was inserted). */
    public void remove(EntityState state) {
        if (states.get(state.entity()) == state) {
            states.remove(state.entity());
            state.tracked = false;
            removed++;
            if (removed > 64 && removed > order.size() / 2) compact();
        }
        if (state.key() != null && byKey.get(state.key()) == state.entity()) {
            byKey.remove(state.key());
        }
    }

    /** Every tracked object's state, in the order objects joined the session (a copy: safe to change the map meanwhile). */
    public List<EntityState> states() {
        List<EntityState> all = new ArrayList<>(states.size());
        for (EntityState s : order) {
            if (s.tracked) all.add(s);
        }
        return all;
    }

    /**
     * True when {@code test} holds for any tracked object, checked in session order without copying:
     * the autoflush check before every query runs this over the whole session. {@code test} must not
     * change this map.
     */
    public boolean anyState(java.util.function.Predicate<EntityState> test) {
        for (int i = 0, n = order.size(); i < n; i++) {
            EntityState s = order.get(i);
            if (s.tracked && test.test(s)) return true;
        }
        return false;
    }

    private void compact() {
        order.removeIf(s -> {
            boolean gone = !s.tracked;
            if (gone) s.listed = false;
            return gone;
        });
        removed = 0;
    }

    public int size() {
        return states.size();
    }

    /** Forgets everything (session close, or expunge of all). */
    public void clear() {
        for (EntityState s : order) {
            s.tracked = false;
            s.listed = false;
        }
        byKey.clear();
        states.clear();
        order.clear();
        removed = 0;
    }

    private void track(EntityState state) {
        EntityState previous = states.put(state.entity(), state);
        if (previous != null) previous.tracked = false;
        state.tracked = true;
        order.add(state);
        state.listed = true;
    }
}
