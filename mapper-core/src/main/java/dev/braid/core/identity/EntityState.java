package dev.braid.core.identity;

import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.EntityMapping;

/**
 * What a session knows about one object: its mapping, status, key, and the column values last
 * read from or written to the database (the snapshot dirty checking compares against).
 */
public final class EntityState {
    private final EntityMapping mapping;
    private final Object entity;
    private EntityStatus status;
    private EntityKey key;
    private Object[] snapshot;
    // Whether the identity map's order list holds this state (see IdentityMap#compact).
    boolean listed;
    // Members of each loaded collection as of the last load or flush: what flushes diff against
    // (orphans of one-to-many, link rows of many-to-many).
    // Created on first use: most objects never load a collection, and every object read stays in the
    // identity map for the whole session.
    private java.util.Map<dev.braid.core.meta.RelationshipMapping, java.util.List<Object>> collections;

    EntityState(EntityMapping mapping, Object entity, EntityStatus status, EntityKey key, Object[] snapshot) {
        this.mapping = mapping;
        this.entity = entity;
        this.status = status;
        this.key = key;
        this.snapshot = snapshot;
    }

    public EntityMapping mapping() { return mapping; }

    public Object entity() { return entity; }

    public EntityStatus status() { return status; }

    /** The key, or null for a pending object whose id the database has not generated yet. */
    public EntityKey key() { return key; }

    /** Database values of every column as of the last load or flush; null while pending. */
    public Object[] snapshot() { return snapshot; }

    /** Members of a collection at its last load or flush, or null when it was never loaded. */
    public java.util.List<Object> collectionSnapshot(dev.braid.core.meta.RelationshipMapping relationship) {
        return collections == null ? null : collections.get(relationship);
    }

    public void collectionSnapshot(dev.braid.core.meta.RelationshipMapping relationship, java.util.List<?> members) {
        if (members == null) {
            if (collections != null) collections.remove(relationship);
            return;
        }
        if (collections == null) collections = new java.util.HashMap<>(4);
        collections.put(relationship, new java.util.ArrayList<>(members));
    }

    void status(EntityStatus status) { this.status = status; }

    void key(EntityKey key) { this.key = key; }

    void snapshot(Object[] snapshot) { this.snapshot = snapshot; }

    @Override
    public String toString() { return mapping.name() + (key == null ? "[new]" : key.toString()) + " " + status; }
}
