package dev.braid.relation;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/**
 * Keeps both ends of a relationship consistent in memory, the moment one end changes (SQLAlchemy's
 * back_populates), following the changed wrapper's {@link SyncRule}: its registry's once the owner is
 * in a session, else the one its field declares. Holds no state of its own.
 */
final class RelationSync {
    private RelationSync() {}

    /**
     * Refuses, before anything changes, a member that {@code rule}'s attribute cannot hold: null, or an
     * object of another class than the relationship's target (possible through raw types or unchecked
     * casts, and otherwise only found by the flush, far from the mistake).
     */
    static void requireMember(Object owner, SyncRule rule, Object element, boolean nullAllowed) {
        requireWritable(owner, rule);
        if (element == null) {
            if (nullAllowed) return;
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, owner.getClass().getSimpleName() + "." + rule.attribute()
                    + " cannot hold null. Fix: add an object, or remove the member instead of setting null");
        }
        if (!rule.targetType().isInstance(element)) {
            String target = rule.targetType().getSimpleName();
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, owner.getClass().getSimpleName() + "." + rule.attribute()
                    + " holds " + target + " objects, not " + element.getClass().getName()
                    + ". Fix: pass a " + target + " (a raw type or unchecked cast let this through)");
        }
    }

    /** Refuses a change through a view-only relationship, naming it and the fix. */
    static void requireWritable(Object owner, SyncRule rule) {
        if (rule.viewOnly()) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, owner.getClass().getSimpleName() + "." + rule.attribute()
                    + " is view-only: it is loaded but never written. Fix: change the writable relationship over the"
                    + " same foreign key (or the foreign key itself), then reload the view");
        }
    }

    /** {@code element} was added to {@code wrapper}, a collection of {@code owner}. */
    static void added(Object owner, Object wrapper, Object element) {
        if (element == null) return;
        SyncRule rule = ruleFor(owner, wrapper, element, true);
        SyncRule reverse = rule == null ? null : rule.reverseFor(element);
        if (reverse == null) return;
        Object other = reverse.wrapperOf(element);
        adopt(rule, other, reverse);
        if (other instanceof Reference<?> ref) {
            Object previous = ref.peek();
            ref.assignQuietly(owner);
            if (previous != null && previous != owner) {
                // The element moves from its previous parent's loaded collection to this one.
                if (sameAttribute(rule, previous) instanceof RelatedList<?> list) list.removeQuietly(element);
            }
        } else if (other instanceof RelatedList<?> list) {
            list.addQuietly(owner);
        }
    }

    /** {@code element} was removed from {@code wrapper}, a collection of {@code owner}. */
    static void removed(Object owner, Object wrapper, Object element) {
        if (element == null) return;
        SyncRule rule = ruleFor(owner, wrapper, element, false);
        SyncRule reverse = rule == null ? null : rule.reverseFor(element);
        if (reverse == null) return;
        Object other = reverse.wrapperOf(element);
        adopt(rule, other, reverse);
        if (other instanceof Reference<?> ref) {
            if (ref.peek() == owner) ref.assignQuietly(null);
        } else if (other instanceof RelatedList<?> list) {
            list.removeQuietly(owner);
        }
    }

    /** {@code wrapper}, a reference of {@code owner}, changed from {@code previous} to {@code target}. */
    static void referenceChanged(Object owner, Object wrapper, Object previous, Object target) {
        if (previous == target) return;
        SyncRule rule = ruleFor(owner, wrapper, target != null ? target : previous, target != null);
        if (rule == null || rule.reverseName() == null) return;
        SyncRule reverse = previous == null ? null : rule.reverseFor(previous);
        if (reverse != null) {
            Object old = reverse.wrapperOf(previous);
            adopt(rule, old, reverse);
            if (old instanceof RelatedList<?> list) list.removeQuietly(owner);
            else if (old instanceof WriteOnlyCollection<?> writeOnly) writeOnly.forgetQuietly(owner);
            else if (old instanceof Reference<?> ref && ref.peek() == owner) ref.assignQuietly(null);
        }
        reverse = target == null ? null : rule.reverseFor(target);
        if (reverse != null) {
            Object now = reverse.wrapperOf(target);
            adopt(rule, now, reverse);
            if (now instanceof WriteOnlyCollection<?> writeOnly) {
                writeOnly.addQuietly(owner);
            } else if (now instanceof RelatedList<?> list) {
                list.addQuietly(owner);
            } else if (now instanceof Reference<?> ref) {
                Object displaced = ref.peek();
                ref.assignQuietly(owner);
                // One-to-one: the target's previous partner no longer points at it.
                if (displaced != null && displaced != owner && sameAttribute(rule, displaced) instanceof Reference<?> back
                        && back.peek() == target) {
                    back.assignQuietly(null);
                }
            }
        }
    }

    /**
     * The rule {@code wrapper} syncs by; when its reverse is unknown (an unbound wrapper of a builder-mapped
     * class), the registry rule found through {@code element}'s bound wrappers, or null (the change is
     * remembered and synced at binding).
     */
    private static SyncRule ruleFor(Object owner, Object wrapper, Object element, boolean pointsAtElement) {
        SyncRule rule = Wrappers.rule(wrapper);
        return rule.known() ? rule : RelationBinding.discover(owner, wrapper, rule, element, pointsAtElement);
    }

    /** A registry's rule spreads to the other end it touches, so that end syncs by the same names. */
    private static void adopt(SyncRule rule, Object other, SyncRule reverse) {
        if (other != null && rule.fromRegistry() && !Wrappers.bound(other)) RelationBinding.bind(other, reverse);
    }

    /** The wrapper of {@code rule}'s attribute on another object of the owner's class. */
    private static Object sameAttribute(SyncRule rule, Object other) {
        if (rule.fromRegistry()) return rule.ownerType().isInstance(other) ? rule.wrapperOf(other) : null;
        SyncRule declared = DeclaredRules.find(other.getClass(), rule.attribute());
        return declared == null ? null : declared.wrapperOf(other);
    }
}
