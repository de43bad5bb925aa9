package dev.braid.core.internal.identity;

import dev.braid.core.internal.meta.EntityMapping;

/**
 * The objects of one entity type by id value (a single value, or a {@code List} for a composite
 * key): open addressing with linear probing over one plain array, so registering an object allocates
 * nothing (no key object, no map node) and a lookup needs no key object either. A slot is two
 * consecutive elements, the id and the object's state (or, for an object only remembered and not
 * tracked, the object itself), so a probe touches one cache line; ids are spread as {@code HashMap}
 * spreads them, which keeps consecutive ids (the usual case) in consecutive slots.
 *
 * <p>Each slot's spread hash is kept beside it: growing then never reads an id object again (reading
 * 100,000 scattered {@code Long}s to rehash them was 8% of loading 100,000 tracked rows, nearly all
 * cache misses), and a probe compares ids only when their hashes match.
 */
final class KeyTable {
    private static final int WIDTH = 2;

    final EntityMapping mapping;
    private Object[] slots = new Object[16 * WIDTH];
    private int[] hashes = new int[16];
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

    private static int spread(Object id) {
        int h = id.hashCode();
        return h ^ (h >>> 16);
    }

    /** The slot index holding {@code id}, or -1. */
    private int find(Object id) {
        Object[] s = slots;
        int[] h = hashes;
        int hash = spread(id);
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Object at = s[i * WIDTH];
            if (at == null) return -1;
            if (h[i] == hash && at.equals(id)) return i;
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
        int hash = spread(id);
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int at = i * WIDTH;
            Object held = s[at];
            if (held == null) {
                s[at] = id;
                s[at + 1] = stateOrEntity;
                hashes[i] = hash;
                size++;
                if (stateOrEntity instanceof EntityState) tracked++;
                return;
            }
            if (hashes[i] == hash && held.equals(id)) {
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
        int[] h = hashes;
        int hole = slot;
        for (int i = (slot + 1) & mask; s[i * WIDTH] != null; i = (i + 1) & mask) {
            int home = h[i] & mask;
            // Move the entry at i into the hole unless its home lies cyclically in (hole, i].
            boolean homeBetween = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!homeBetween) {
                s[hole * WIDTH] = s[i * WIDTH];
                s[hole * WIDTH + 1] = s[i * WIDTH + 1];
                h[hole] = h[i];
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
        int[] oldHashes = hashes;
        mask = (mask << 1) | 1;
        Object[] s = new Object[(mask + 1) * WIDTH];
        int[] h = new int[mask + 1];
        // Every id is distinct: no equality checks while moving them, and no id is read (its hash is kept).
        for (int j = 0; j < oldHashes.length; j++) {
            Object id = old[j * WIDTH];
            if (id == null) continue;
            int hash = oldHashes[j];
            int i = hash & mask;
            while (s[i * WIDTH] != null) i = (i + 1) & mask;
            s[i * WIDTH] = id;
            s[i * WIDTH + 1] = old[j * WIDTH + 1];
            h[i] = hash;
        }
        slots = s;
        hashes = h;
    }
}
