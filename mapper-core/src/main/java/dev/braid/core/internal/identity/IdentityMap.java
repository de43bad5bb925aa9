package dev.braid.core.internal.identity;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's objects: one object per row (by key), and the state of every object the session
 * tracks (by object identity, so user-defined equals/hashCode never matter). Not thread-safe: a
 * session runs its operations one at a time (queued).
 *
 * <p>Objects are filed per entity type by id value ({@link KeyTable}); an object's state is found
 * through its current id, and pending objects without an id through a small identity map. Only when
 * an object is not found that way (a new object of a type the session holds, or a held object whose
 * id was changed in memory) is an index of every tracked object by identity built, once, and kept
 * from then on: a session that only reads never pays for one.
 */
public final class IdentityMap {
    private final Map<Class<?>, KeyTable> tables = new HashMap<>();
    // The table used last: rows of one query are of one or two types.
    private KeyTable lastTable;
    // Objects filed by identity because they had no key when they joined (pending, id generated at
    // insert). An INSERT leaves its entry behind (the state is filed by key from then on): removing
    // thousands of entries one by one cost more than the whole flush planning. Such stale entries still
    // map an object to its own state, are skipped once that state is untracked, and are swept out in one
    // pass when they outnumber the live ones.
    private Map<Object, EntityState> unkeyed = new IdentityHashMap<>();
    private int staleUnkeyed;
    // Every tracked object by identity, built on the first lookup the tables cannot answer; null until then.
    private Map<Object, EntityState> byObject;
    // Flushes write in the order objects joined the session. An append-only list (removed states are
    // skipped and compacted away now and then) keeps that order without sorting and without relying on
    // the objects' equals/hashCode.
    private final ArrayList<EntityState> order = new ArrayList<>();
    private int removed;
    private int tracked;
    // Called once for every object a load registers (lifecycle afterLoad); null when there is none.
    private final java.util.function.Consumer<Object> afterLoad;

    /** An empty identity map. */
    public IdentityMap() {
        this(null);
    }

    /** An empty identity map that hands every object a load registers to {@code afterLoad} (may be null). */
    public IdentityMap(java.util.function.Consumer<Object> afterLoad) {
        this.afterLoad = afterLoad;
    }

    private KeyTable table(Class<?> type) {
        KeyTable last = lastTable;
        if (last != null && last.mapping.type() == type) return last;
        KeyTable table = tables.get(type);
        if (table != null) lastTable = table;
        return table;
    }

    /** The table of an object's class: an object of a subclass in an inheritance hierarchy is filed under its base. */
    private KeyTable tableOfClass(Class<?> type) {
        KeyTable table = table(type);
        for (Class<?> c = type.getSuperclass(); table == null && c != null && c != Object.class; c = c.getSuperclass()) {
            table = tables.get(c);
        }
        return table;
    }

    private KeyTable tableFor(EntityMapping mapping) {
        KeyTable table = table(mapping.type());
        if (table == null) {
            table = new KeyTable(mapping);
            tables.put(mapping.type(), table);
            lastTable = table;
        }
        return table;
    }

    /** The object for a key, or null. */
    public Object get(EntityKey key) {
        KeyTable table = table(key.type());
        return table == null ? null : table.entity(key.id());
    }

    /** The object of {@code mapping} with this id value ({@code List} for a composite key), or null. */
    public Object get(EntityMapping mapping, Object id) {
        KeyTable table = table(mapping.type());
        return table == null ? null : table.entity(id);
    }

    /** The state of a tracked object, or null when the session does not know it. */
    public EntityState stateOf(Object entity) {
        if (byObject != null) return byObject.get(entity);
        KeyTable table = tableOfClass(entity.getClass());
        if (table != null) {
            Object id = table.mapping.idOf(entity);
            EntityState state = id == null ? null : table.state(id);
            if (state != null && state.entity() == entity) return state;
        }
        EntityState pending = unkeyed.get(entity);
        if (pending != null && pending.tracked) return pending;
        if (table == null || table.tracked() == 0) return null; // no held object it could be
        // Not found by its current id: a new object, or a held one whose id was changed in memory.
        indexByObject();
        return byObject.get(entity);
    }

    private void indexByObject() {
        Map<Object, EntityState> index = new IdentityHashMap<>(Math.max(32, tracked * 2));
        for (EntityState s : order) {
            if (s.tracked) index.put(s.entity(), s);
        }
        byObject = index;
    }

    /** Whether the session tracks any object of {@code type} (filed by key). */
    public boolean holds(Class<?> type) {
        KeyTable table = table(type);
        return table != null && table.tracked() > 0;
    }

    public boolean contains(Object entity) {
        return stateOf(entity) != null;
    }

    /** Registers an object just loaded from a row whose id value is {@code id}. */
    public EntityState loaded(EntityMapping mapping, Object entity, Object id, Object[] snapshot) {
        EntityState state = new EntityState(mapping, entity, EntityStatus.PERSISTENT, id, snapshot);
        // The object was just created from the row: no earlier state of it can exist.
        append(state);
        tableFor(mapping).put(id, state);
        if (afterLoad != null) afterLoad.accept(entity);
        return state;
    }

    /**
     * Remembers the object for an id without tracking it (read-only results: later rows with the
     * same key yield this object, but a flush never looks at it and {@link #stateOf} knows nothing).
     */
    public void remember(EntityMapping mapping, Object id, Object entity) {
        tableFor(mapping).put(id, entity);
    }

    /** Registers a new object to insert at the next flush. */
    public EntityState pending(EntityMapping mapping, Object entity) {
        Object id = mapping.idOf(entity);
        if (id != null) {
            Object existing = get(mapping, id);
            if (existing != null && existing != entity) {
                throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Another " + mapping.name() + " object with key "
                        + new EntityKey(mapping.type(), id) + " is already in this session. Fix: modify that object"
                        + " (session.get), or merge");
            }
        }
        EntityState state = new EntityState(mapping, entity, EntityStatus.PENDING, id, null);
        mapping.bindRelations(entity); // its wrappers now sync by this registry's reverse names
        sweepStaleUnkeyed();
        track(state);
        file(state);
        return state;
    }

    /** Records a successful INSERT: the object now has a row with this key and these values. */
    public void inserted(EntityState state, EntityKey key, Object[] snapshot) {
        if (state.id() == null) {
            staleUnkeyed++; // its identity entry stays behind (see unkeyed)
        } else {
            unfile(state);
        }
        state.key(key);
        state.snapshot(snapshot);
        state.status(EntityStatus.PERSISTENT);
        file(state);
    }

    /** Undoes {@link #inserted} after a failed flush: the object is pending again with its old key. */
    public void uninserted(EntityState state, EntityKey previousKey) {
        unfile(state);
        state.key(previousKey);
        state.snapshot(null);
        state.status(EntityStatus.PENDING);
        file(state);
    }

    /** Tracks a removed object again (undo of a DELETE after a failed flush). */
    public void reinstate(EntityState state, EntityStatus status) {
        state.status(status);
        if (!state.tracked) {
            state.tracked = true;
            tracked++;
            if (byObject != null) byObject.put(state.entity(), state);
            if (!state.listed) {
                state.listed = true; // compacted out meanwhile: back at the end
                order.add(state);
            }
        }
        file(state);
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
        if (state.tracked) {
            unfile(state);
            state.tracked = false;
            tracked--;
            if (byObject != null) byObject.remove(state.entity());
            removed++;
            if (removed > 64 && removed > order.size() / 2) compact();
            sweepStaleUnkeyed();
        }
    }

    // Rebuilds the identity entries without stale ones when they are the majority (one pass, amortised
    // over the inserts that made them stale).
    private void sweepStaleUnkeyed() {
        if (staleUnkeyed <= 64 || staleUnkeyed * 2 < unkeyed.size()) return;
        Map<Object, EntityState> live = new IdentityHashMap<>();
        for (Map.Entry<Object, EntityState> e : unkeyed.entrySet()) {
            EntityState s = e.getValue();
            if (s.tracked && s.id() == null) live.put(e.getKey(), s);
        }
        unkeyed = live;
        staleUnkeyed = 0;
    }

    // Files a tracked state where stateOf and get find it: by key when it has one, else as unkeyed.
    private void file(EntityState state) {
        Object id = state.id();
        if (id == null) {
            unkeyed.put(state.entity(), state);
            return;
        }
        tableFor(state.mapping()).put(id, state);
    }

    private void unfile(EntityState state) {
        Object id = state.id();
        if (id == null) {
            if (unkeyed.get(state.entity()) == state) unkeyed.remove(state.entity());
            return;
        }
        KeyTable table = table(state.mapping().type());
        if (table != null && table.state(id) == state) table.remove(id, state.entity());
    }

    /** Every tracked object's state, in the order objects joined the session (a copy: safe to change the map meanwhile). */
    public List<EntityState> states() {
        List<EntityState> all = new ArrayList<>(tracked);
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
        return tracked;
    }

    /** Forgets everything (session close, or expunge of all). */
    public void clear() {
        for (EntityState s : order) {
            s.tracked = false;
            s.listed = false;
        }
        tables.clear();
        lastTable = null;
        unkeyed.clear();
        staleUnkeyed = 0;
        byObject = null;
        order.clear();
        removed = 0;
        tracked = 0;
    }

    private void track(EntityState state) {
        EntityState previous = stateOf(state.entity());
        if (previous != null) {
            previous.tracked = false;
            tracked--;
            unfile(previous);
        }
        append(state);
    }

    private void append(EntityState state) {
        state.tracked = true;
        tracked++;
        if (byObject != null) byObject.put(state.entity(), state);
        order.add(state);
        state.listed = true;
    }
}
