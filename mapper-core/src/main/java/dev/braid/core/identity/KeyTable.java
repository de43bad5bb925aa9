package dev.braid.core.identity;

import dev.braid.core.meta.EntityMapping;

/**
 * The objects of one entity type by id value (a single value, or a {@code List} for a composite
 * key): open addressing with linear probing over one plain array, so registering an object allocates
 * nothing (no key object, no map node) and a lookup needs no key object either. A slot is two
 * consecutive elements, the id and the object's state (or, for an object only remembered and not
 * tracked, the object itself), so a probe touches one cache line; ids are spread as {@code HashMap}
 * spreads them, which keeps consecutive ids (the usual case) in consecutive slots.
 */
final class KeyTable {
    private static final int WIDTH = 2;

    final EntityMapping mapping;
    private Object[] slots = new Object[16 * WIDTH];
    private int mask = 15;
    private int size;
    // How many slots hold a tracked state (the others hold remembered, untracked objects).
    private int tracked;

    KeyTable(EntityMapping mapping) {
        this.mapping = mapping;
    }

    int size() {
        return size;
    }

    /** How many of the objects held are tracked (have a state). */
    int tracked() {
        return tracked;
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
        if (slot < 0) return null;
        Object held = slots[slot * WIDTH + 1];
        return held instanceof EntityState state ? state.entity() : held;
    }

    EntityState state(Object id) {
        int slot = find(id);
        return slot < 0 ? null : slots[slot * WIDTH + 1] instanceof EntityState state ? state : null;
    }

    /** Registers (or replaces) what is held for {@code id}: a tracked object's state, or an untracked object. */
    void put(Object id, Object stateOrEntity) {
        if (size + 1 > ((mask + 1) >> 1) + ((mask + 1) >> 2)) grow();
        Object[] s = slots;
        for (int i = home(id); ; i = (i + 1) & mask) {
            int at = i * WIDTH;
            Object held = s[at];
            if (held == null) {
                s[at] = id;
                s[at + 1] = stateOrEntity;
                size++;
                if (stateOrEntity instanceof EntityState) tracked++;
                return;
            }
            if (held.equals(id)) {
                if (s[at + 1] instanceof EntityState) tracked--;
                if (stateOrEntity instanceof EntityState) tracked++;
                s[at + 1] = stateOrEntity;
                return;
            }
        }
    }

    /** Forgets {@code id} when it is registered for {@code entity}. */
    void remove(Object id, Object entity) {
        int slot = find(id);
        if (slot < 0) return;
        Object held = slots[slot * WIDTH + 1];
        if ((held instanceof EntityState state ? state.entity() : held) != entity) return;
        if (held instanceof EntityState) tracked--;
        // Backward-shift deletion keeps every probe sequence unbroken without tombstones.
        Object[] s = slots;
        int hole = slot;
        for (int i = (slot + 1) & mask; s[i * WIDTH] != null; i = (i + 1) & mask) {
            int home = home(s[i * WIDTH]);
            // Move the entry at i into the hole unless its home lies cyclically in (hole, i].
            boolean homeBetween = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!homeBetween) {
                s[hole * WIDTH] = s[i * WIDTH];
                s[hole * WIDTH + 1] = s[i * WIDTH + 1];
                hole = i;
            }
        }
        s[hole * WIDTH] = null;
        s[hole * WIDTH + 1] = null;
        size--;
    }

    void clear() {
        java.util.Arrays.fill(slots, null);
        size = 0;
        tracked = 0;
    }

    private void grow() {
        Object[] old = slots;
        mask = (mask << 1) | 1;
        Object[] s = new Object[(mask + 1) * WIDTH];
        // Every id is distinct: no equality checks while moving them.
        for (int j = 0; j < old.length; j += WIDTH) {
            Object id = old[j];
            if (id == null) continue;
            int i = home(id);
            while (s[i * WIDTH] != null) i = (i + 1) & mask;
            s[i * WIDTH] = id;
            s[i * WIDTH + 1] = old[j + 1];
        }
        slots = s;
    }
}
