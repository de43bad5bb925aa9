package dev.braid.relation;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds wrappers to a registry's {@link SyncRule}s and settles what they could not sync before: a
 * wrapper of a builder-mapped class changed while unbound has no known reverse, so the change waits
 * (remembered in a {@link PendingSync}) until the wrapper, or the object it points at, is bound.
 */
final class RelationBinding {
    private RelationBinding() {}

    /**
     * Binds {@code wrapper} to {@code rule}; if it changed while its reverse was unknown, its current
     * contents are back-populated now, and wrappers of other objects that pointed at its owner are bound
     * to the reverse rule and back-populated too.
     */
    static void bind(Object wrapper, SyncRule rule) {
        PendingSync pending = Wrappers.bind(wrapper, rule);
        if (pending == null) return;
        Object owner = Wrappers.owner(wrapper);
        if (pending.changed) replay(owner, wrapper);
        SyncRule pair = rule.pair();
        if (pair == null) return;
        for (int i = 0; i < pending.incomingWrappers.size(); i++) {
            Object other = pending.incomingOwners.get(i);
            Object otherWrapper = pending.incomingWrappers.get(i);
            if (pair.ownerType().isInstance(other) && pair.wrapperOf(other) == otherWrapper && !Wrappers.bound(otherWrapper)) {
                bind(otherWrapper, pair);
            }
        }
    }

    /**
     * For a change of {@code wrapper} (unbound, reverse unknown) involving {@code element}: the registry rule
     * of {@code wrapper} when one of {@code element}'s bound wrappers names it as its other end (the wrapper
     * is bound to it and the caller syncs now); otherwise null, and the change is remembered, on the wrapper
     * and, when it now points at {@code element}, on {@code element}'s wrappers that could be its reverse.
     */
    static SyncRule discover(Object owner, Object wrapper, SyncRule declared, Object element, boolean pointsAtElement) {
        List<Object> candidates = new ArrayList<>(2);
        for (SyncRule elementRule : DeclaredRules.of(element.getClass()).values()) {
            Object other = elementRule.wrapperOf(element);
            if (other == null) continue;
            if (Wrappers.bound(other)) {
                SyncRule pair = Wrappers.rule(other).pair();
                if (pair != null && pair.attribute().equals(declared.attribute()) && pair.ownerType().isInstance(owner)
                        && pair.wrapperOf(owner) == wrapper) {
                    bind(wrapper, pair);
                    return pair;
                }
            } else if (elementRule.targetType().isInstance(owner)) {
                candidates.add(other);
            }
        }
        Wrappers.pending(wrapper, true).changed = true;
        if (pointsAtElement) {
            for (Object candidate : candidates) Wrappers.pending(candidate, true).incoming(owner, wrapper);
        }
        return null;
    }

    /** Back-populates the current contents of a wrapper whose changes were not synced. */
    private static void replay(Object owner, Object wrapper) {
        if (wrapper instanceof RelatedList<?> list) {
            if (!list.isLoaded()) return;
            for (Object member : new ArrayList<>(list.peek())) RelationSync.added(owner, wrapper, member);
        } else if (wrapper instanceof Reference<?> ref) {
            Object target = ref.peek();
            if (ref.isLoaded() && target != null) RelationSync.referenceChanged(owner, wrapper, null, target);
        } else if (wrapper instanceof WriteOnlyCollection<?> writeOnly) {
            for (Object member : writeOnly.pendingAdditions()) RelationSync.added(owner, wrapper, member);
            for (Object member : writeOnly.pendingRemovals()) RelationSync.removed(owner, wrapper, member);
        }
    }
}
