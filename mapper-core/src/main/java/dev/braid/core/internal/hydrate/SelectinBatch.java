package dev.braid.core.internal.hydrate;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.plan.load.SelectinQuery;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One relationship loaded for a set of owners from the rows of its selectin queries: which owners
 * need it and by which keys, then each row hydrated and put straight onto its owner (the staged
 * member of a collection, the staged value of a reference), then, when every chunk was read, the
 * owners' relationships marked loaded, collections in key order. Until then nothing a caller can
 * read changes, and {@link #abandon} after a failure leaves the owners as they were.
 *
 * <p>Owners without a key get an empty loaded relationship at once, and many-to-one targets the
 * identity map already holds are assigned without a query.
 */
public final class SelectinBatch {
    private final RelationshipMapping relationship;
    private final EntityHydrator hydrator;
    private final boolean identity;
    private final RelationshipMapping backReference;
    private final ColumnMapping keyColumn;
    private final boolean composite; // keys are lists of driver values (CompositeKey)
    private final List<Object> owners = new ArrayList<>();
    // key -> the owner, or an Owners list when several share the key (many-to-one)
    private final Map<Object, Object> ownersByKey;
    private final List<Object> keys = new ArrayList<>();
    private final IdentityMap sessionObjects;

    /**
     * @param owners         distinct objects that own {@code relationship}
     * @param identityMap    held objects: many-to-one targets found here cost no query; null for none
     * @param sessionObjects the session's identity map when results are tracked (collection snapshots
     *                       are recorded there), else null
     * @param identity       whether rows may repeat an object already read, so each row's key must be
     *                       looked up (the hydrator's identity map); false for rows known to be distinct
     */
    public static SelectinBatch prepare(RelationshipMapping relationship, Collection<?> owners, IdentityMap identityMap,
                                        IdentityMap sessionObjects, EntityHydrator hydrator, boolean identity) {
        SelectinBatch batch = new SelectinBatch(relationship, owners.size(), sessionObjects, hydrator, identity);
        for (Object owner : owners) {
            batch.consider(owner, identityMap);
        }
        return batch;
    }

    private SelectinBatch(RelationshipMapping relationship, int owners, IdentityMap sessionObjects,
                          EntityHydrator hydrator, boolean identity) {
        this.relationship = relationship;
        this.hydrator = hydrator;
        this.identity = identity;
        this.sessionObjects = sessionObjects;
        this.ownersByKey = new HashMap<>(Math.max(16, (int) (owners / 0.75f) + 1));
        RelationshipMapping reverse = relationship.reverse();
        // The targets' reference back to their owner is known too (one-to-many, reverse one-to-one).
        this.backReference = reverse != null && !relationship.ownsForeignKey()
                && relationship.direction() != RelationshipMapping.Direction.MANY_TO_MANY ? reverse : null;
        this.keyColumn = relationship.remoteColumn();
        this.composite = !relationship.options().extraPairs().isEmpty();
    }

    private void consider(Object owner, IdentityMap identityMap) {
        RelationshipMapping r = relationship;
        Object wrapper = r.wrapperOf(owner);
        if (RelationInternals.isLoaded(wrapper)) return;
        Object key = composite ? CompositeKey.of(r, owner, true) : r.localColumn().getForDatabase(owner);
        if (key == null) {
            // No foreign key (or no id yet): nothing to load, and that is known for certain.
            if (r.isCollection()) RelationInternals.loadCollection(wrapper, List.of());
            else RelationInternals.loadReference(wrapper, null);
            return;
        }
        if (r.ownsForeignKey() && identityMap != null) {
            Object held = heldTarget(identityMap, owner);
            if (held != null) {
                RelationInternals.loadReference(wrapper, held);
                return;
            }
        }
        owners.add(owner);
        Object previous = ownersByKey.putIfAbsent(key, owner);
        if (previous == null) {
            keys.add(key);
        } else if (previous instanceof Owners group) {
            group.add(owner);
        } else {
            Owners group = new Owners();
            group.add(previous);
            group.add(owner);
            ownersByKey.put(key, group);
        }
    }

    private Object heldTarget(IdentityMap identityMap, Object owner) {
        EntityMapping target = relationship.target();
        if (target.idColumns().size() != 1 || target.idColumns().get(0) != relationship.remoteColumn()) return null;
        Object id = relationship.localColumn().get(owner);
        return id == null ? null : identityMap.get(target, id);
    }

    /** True when no owner needs a query. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The distinct keys to query, in owner order (driver values). */
    public List<Object> keys() {
        return keys;
    }

    /** One row of a selectin query for this batch: its target, put on the owner(s) of its key. */
    public void row(RowView row, SelectinQuery query) {
        EntityMapping target = relationship.target();
        Object entity = identity ? hydrator.hydrate(target, row, query.targetOffset())
                : hydrator.hydrateNew(target, row, query.targetOffset());
        // Taken from the object when it holds the value: a second decode of the column costs more.
        Object key = composite ? CompositeKey.of(relationship, entity, false)
                : query.keyIsTargetColumn() ? keyColumn.getForDatabase(entity) : row.get(query.keyIndex(), query.keyType());
        Object owner = ownersByKey.get(key);
        if (owner == null) return; // not asked for (cannot happen with the batch's own keys)
        if (owner instanceof Owners group) {
            for (Object o : group) attach(o, entity);
        } else {
            attach(owner, entity);
        }
    }

    private void attach(Object owner, Object entity) {
        Object wrapper = relationship.wrapperOf(owner);
        if (!relationship.isCollection()) {
            Object staged = RelationInternals.staged(wrapper);
            // Several rows for a to-one (data breaking a one-to-one): keep the lowest key, every time.
            if (staged != null && relationship.target().keyOrder().compare(staged, entity) <= 0) return;
        }
        RelationInternals.stage(wrapper, entity);
        if (backReference != null) {
            Object back = backReference.wrapperOf(entity);
            if (!RelationInternals.isLoaded(back)) RelationInternals.loadReference(back, owner);
        }
    }

    /** Every chunk was read: the owners' relationships become loaded, collections in key order. */
    public void complete() {
        complete(relationship.target().keyOrder());
    }

    /**
     * Every chunk was read: the owners' relationships become loaded, collections in {@code memberOrder}
     * (the relationship's {@code orderBy} then key order, see {@code RelationshipMapping.memberOrder}).
     */
    public void complete(Comparator<Object> memberOrder) {
        Comparator<Object> order = relationship.isCollection() ? memberOrder : null;
        for (Object owner : owners) {
            Object wrapper = relationship.wrapperOf(owner);
            RelationInternals.finishLoading(wrapper, order);
            if (sessionObjects != null && relationship.isCollection()) {
                EntityState state = sessionObjects.stateOf(owner);
                if (state != null) {
                    state.adoptCollectionSnapshot(relationship,
                            Arrays.asList(RelationInternals.peekCollection(wrapper).toArray()));
                }
            }
        }
    }

    /** A chunk failed or the load was cancelled: what was staged is dropped, the owners stay unloaded. */
    public void abandon() {
        for (Object owner : owners) {
            Object wrapper = relationship.wrapperOf(owner);
            if (!RelationInternals.isLoaded(wrapper)) RelationInternals.unload(wrapper);
        }
    }

    /** Owners sharing one key (several objects referencing the same target). */
    private static final class Owners extends ArrayList<Object> {
        Owners() {
            super(4);
        }
    }
}
