package dev.braid.core.internal.identity;

import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;

/**
 * What a session knows about one object: its mapping, status, key, and the column values last
 * read from or written to the database (the snapshot dirty checking compares against).
 */
public final class EntityState {
    private final EntityMapping mapping;
    private final Object entity;
    private EntityStatus status;
    // The id value (a List for composite keys), null while a pending object has none; the EntityKey is
    // made only when asked for (flushes and messages), not for every object loaded.
    private Object id;
    private EntityKey key;
    private Object[] snapshot;
    // Whether the identity map's order list holds this state (see IdentityMap#compact).
    boolean listed;
    // Whether the identity map tracks this state now (a removed or replaced state is not).
    boolean tracked;
    /** The last cascade walk that reached this object (the unit of work's own bookkeeping). */
    public int walked;
    // Members of each loaded collection as of the last load or flush: what flushes diff against
    // (orphans of one-to-many, link rows of many-to-many).
    // Indexed like mapping.relationships(); created on first use: most objects never load a
    // collection, and every object read stays in the identity map for the whole session.
    private java.util.List<Object>[] collections;

    EntityState(EntityMapping mapping, Object entity, EntityStatus status, Object id, Object[] snapshot) {
        this.mapping = mapping;
        this.entity = entity;
        this.status = status;
        this.id = id;
        this.snapshot = snapshot;
    }

    public EntityMapping mapping() { return mapping; }

    public Object entity() { return entity; }

    public EntityStatus status() { return status; }

    /** The key, or null for a pending object whose id the database has not generated yet. */
    public EntityKey key() {
        if (key == null && id != null) key = new EntityKey(mapping.type(), id);
        return key;
    }

    /** The id value the session files this object under ({@code List} for composite keys), or null. */
    Object id() { return id; }

    /** Database values of every column as of the last load or flush; null while pending. */
    public Object[] snapshot() { return snapshot; }

    /** Members of a collection at its last load or flush (not to be changed), or null when it was never loaded. */
    public java.util.List<Object> collectionSnapshot(RelationshipMapping relationship) {
        return collections == null ? null : collections[slot(relationship)];
    }

    /** Records a collection's members (copied), or forgets them with null. */
    public void collectionSnapshot(RelationshipMapping relationship, java.util.List<?> members) {
        adoptCollectionSnapshot(relationship, members == null ? null : java.util.Arrays.asList(members.toArray()));
    }

    /** Like {@link #collectionSnapshot(RelationshipMapping, java.util.List)} for a list nobody changes afterwards: kept as is. */
    @SuppressWarnings("unchecked")
    public void adoptCollectionSnapshot(RelationshipMapping relationship, java.util.List<?> members) {
        if (members == null) {
            if (collections != null) collections[slot(relationship)] = null;
            return;
        }
        if (collections == null) collections = new java.util.List[mapping.relationships().size()];
        collections[slot(relationship)] = (java.util.List<Object>) members;
    }

    private int slot(RelationshipMapping relationship) {
        java.util.List<RelationshipMapping> all = mapping.relationships();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == relationship) return i;
        }
        throw dev.braid.core.internal.util.Require.bug(relationship.qualifiedName() + " is not a relationship of " + mapping.name());
    }

    void status(EntityStatus status) { this.status = status; }

    void key(EntityKey key) {
        this.key = key;
        this.id = key == null ? null : key.id();
    }

    void snapshot(Object[] snapshot) { this.snapshot = snapshot; }

    @Override
    public String toString() { return mapping.name() + (id == null ? "[new]" : key().toString()) + " " + status; }
}
