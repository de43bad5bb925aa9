package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.RelationshipMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The link rows one flush inserts and deletes, collected from every many-to-many of the session's
 * objects ({@link ManyToManyDP}). The same pair seen from both ends of a many-to-many is one link row;
 * a pair both removed and added is left as it is.
 */
final class LinkCollector {
    private final IdentityMap identityMap;
    private final Map<List<Object>, FlushCommands.LinkChange> inserts = new LinkedHashMap<>();
    private final Map<List<Object>, FlushCommands.LinkChange> deletes = new LinkedHashMap<>();

    LinkCollector(IdentityMap identityMap) {
        this.identityMap = identityMap;
    }

    /** Collects from the objects of {@code states} that are not deleted. */
    void collect(List<EntityState> states, DependencyProcessors processors) {
        for (EntityState state : states) {
            if (state.status() == EntityStatus.DELETED) continue;
            for (DependencyProcessor dp : processors.of(state.mapping())) dp.linkChanges(state, this);
        }
        deletes.keySet().removeIf(inserts::containsKey);
    }

    void insert(RelationshipMapping r, Object owner, Object target) {
        inserts.putIfAbsent(pairKey(r, owner, target), new FlushCommands.LinkChange(r, owner, target));
    }

    void delete(RelationshipMapping r, Object owner, Object target) {
        deletes.putIfAbsent(pairKey(r, owner, target), new FlushCommands.LinkChange(r, owner, target));
    }

    /** A member that left a loaded collection: its link row goes, unless the member is gone or going itself. */
    void deleteUnlessGone(RelationshipMapping r, Object owner, Object target) {
        EntityState targetState = identityMap.stateOf(target);
        if (targetState != null && targetState.status() != EntityStatus.DELETED) delete(r, owner, target);
    }

    List<FlushCommands.LinkChange> inserts() {
        return new ArrayList<>(inserts.values());
    }

    List<FlushCommands.LinkChange> deletes() {
        return new ArrayList<>(deletes.values());
    }

    /** Identifies a link row independently of which end it was seen from. */
    private static List<Object> pairKey(RelationshipMapping r, Object owner, Object target) {
        String table = r.link().table().toLowerCase(Locale.ROOT);
        boolean ownerFirst = r.link().ownerColumn().compareToIgnoreCase(r.link().targetColumn()) < 0;
        Object first = ownerFirst ? owner : target;
        Object second = ownerFirst ? target : owner;
        return List.of(table, new IdentityKey(first), new IdentityKey(second));
    }

    private record IdentityKey(Object object) {
        @Override
        public boolean equals(Object o) { return o instanceof IdentityKey k && k.object == object; }

        @Override
        public int hashCode() { return System.identityHashCode(object); }
    }
}
