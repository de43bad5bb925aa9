package dev.braid.relation;

/** The sync state every relationship wrapper keeps, reached without knowing which kind of wrapper it is. */
final class Wrappers {
    private Wrappers() {}

    /** The list a {@link RelatedSet} keeps its members in; any other wrapper itself. */
    static Object unwrap(Object wrapper) {
        return wrapper instanceof RelatedSet<?> s ? s.members() : wrapper;
    }

    static SyncRule rule(Object wrapper) {
        wrapper = unwrap(wrapper);
        if (wrapper instanceof RelatedList<?> l) return l.rule();
        if (wrapper instanceof Reference<?> r) return r.rule();
        return ((WriteOnlyCollection<?>) wrapper).rule();
    }

    static Object owner(Object wrapper) {
        wrapper = unwrap(wrapper);
        if (wrapper instanceof RelatedList<?> l) return l.owner();
        if (wrapper instanceof Reference<?> r) return r.owner();
        return ((WriteOnlyCollection<?>) wrapper).owner();
    }

    /** True when the wrapper follows a registry's rule. */
    static boolean bound(Object wrapper) {
        wrapper = unwrap(wrapper);
        SyncRule rule;
        if (wrapper instanceof RelatedList<?> l) rule = l.boundRule();
        else if (wrapper instanceof Reference<?> r) rule = r.boundRule();
        else rule = ((WriteOnlyCollection<?>) wrapper).boundRule();
        return rule != null && rule.fromRegistry();
    }

    /** Sets the wrapper's rule; returns what it could not sync before (and forgets it), or null. */
    static PendingSync bind(Object wrapper, SyncRule rule) {
        wrapper = unwrap(wrapper);
        if (wrapper instanceof RelatedList<?> l) return l.bind(rule);
        if (wrapper instanceof Reference<?> r) return r.bind(rule);
        return ((WriteOnlyCollection<?>) wrapper).bind(rule);
    }

    /** The wrapper's pending sync, created when {@code create}. */
    static PendingSync pending(Object wrapper, boolean create) {
        wrapper = unwrap(wrapper);
        if (wrapper instanceof RelatedList<?> l) return l.pending(create);
        if (wrapper instanceof Reference<?> r) return r.pending(create);
        return ((WriteOnlyCollection<?>) wrapper).pending(create);
    }
}
