package dev.braid.core.identity;

import dev.braid.core.meta.EntityMapping;

/**
 * The objects of one entity type by id value (a single value, or a {@code List} for a composite
 * key): open addressing with linear probing over one plain array, so registering an object allocates
 * nothing (no key object, no map node) and a lookup needs no key object either. A slot is three
 * consecutive elements (id, object, state; the state is null for objects only remembered, not
 * tracked), so a probe touches one cache line; ids are spread as {@code HashMap} spreads them, which
 * keeps consecutive ids (the usual case) in consecutive slots.
 */
final class KeyTable {
    private static final int WIDTH = 3;

    final EntityMapping mapping;
    private Object[] slots = new Object[16 * WIDTH];
    private int mask = 15;
    private int size;
    // How many slots hold a tracked state (the others hold remembered, untracked objects).
    int trackedSize;

    KeyTable(EntityMapping mapping) {
        this.mapping = mapping;
    }

    int size() {
        return size;
    }

    private int home(Object id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    /** The slot index holding {@code id}, or -1. */
    private int find(Object id) {
        Object[] s = slots;
        for (int i = home(id); ; i = (i + 1) & mask) {
            Object at = s[i * WIDTH];
            if (at == null) return -1;
            if (at.equals(id)) return i;
        }
    }

    Object entity(Object id) {
        int slot = find(id);
        return slot < 0 ? null : slots[slot * WIDTH + 1];
    }

    EntityState state(Object id) {
        int slot = find(id);
        return slot < 0 ? null : (EntityState) slots[slot * WIDTH + 2];
    }

    /** Registers (or replaces) the object for {@code id}. */
    void put(Object id, Object entity, EntityState state) {
        if (size + 1 > ((mask + 1) >> 1) + ((mask + 1) >> 2)) grow();
        Object[] s = slots;
        for (int i = home(id); ; i = (i + 1) & mask) {
            int at = i * WIDTH;
            Object held = s[at];
            if (held == null) {
                s[at] = id;
                s[at + 1] = entity;
                s[at + 2] = state;
                size++;
                return;
            }
            if (held.equals(id)) {
                s[at + 1] = entity;
                s[at + 2] = state;
                return;
            }
        }
    }

    /** Forgets {@code id} when it is registered for {@code entity}. */
    void remove(Object id, Object entity) {
        int slot = find(id);
        if (slot < 0 || slots[slot * WIDTH + 1] != entity) return;
        // Backward-shift deletion keeps every probe sequence unbroken without tombstones.
        Object[] s = slots;
        int hole = slot;
        for (int i = (slot + 1) & mask; s[i * WIDTH] != null; i = (i + 1) & mask) {
            int home = home(s[i * WIDTH]);
            // Move the entry at i into the hole unless its home lies cyclically in (hole, i].
            boolean homeBetween = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!homeBetween) {
                System.arraycopy(s, i * WIDTH, s, hole * WIDTH, WIDTH);
                hole = i;
            }
        }
        s[hole * WIDTH] = null;
        s[hole * WIDTH + 1] = null;
        s[hole * WIDTH + 2] = null;
        size--;
    }

    void clear() {
        java.util.Arrays.fill(slots, null);
        size = 0;
        trackedSize = 0;
    }

    private void grow() {
        Object[] old = slots;
        mask = (mask << 1) | 1;
        slots = new Object[(mask + 1) * WIDTH];
        size = 0;
        for (int i = 0; i < old.length; i += WIDTH) {
            if (old[i] != null) put(old[i], old[i + 1], (EntityState) old[i + 2]);
        }
    }
}
