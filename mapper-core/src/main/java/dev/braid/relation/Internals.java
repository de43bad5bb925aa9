package dev.braid.relation;

import java.util.List;

/**
 * Braid's own access to relationship wrappers: loading them, marking them unloaded, reading them
 * without the loaded check. Package-private: the rest of Braid reaches it only through
 * {@code dev.braid.core.internal.relation.RelationInternals} (method handles, not exported), so
 * application code sees nothing but the wrappers' public methods.
 */
final class Internals {
    private Internals() {}

    /** Marks a wrapper not loaded (right after an object was read from a row). */
    static void unload(Object wrapper) {
        wrapper = Wrappers.unwrap(wrapper);
        if (wrapper instanceof Reference<?> r) r.unload();
        else if (wrapper instanceof RelatedList<?> l) l.unload();
    }

    static boolean isLoaded(Object wrapper) {
        wrapper = Wrappers.unwrap(wrapper);
        if (wrapper instanceof Reference<?> r) return r.isLoaded();
        if (wrapper instanceof RelatedList<?> l) return l.isLoaded();
        return false;
    }

    /** Sets a reference as loaded without touching the other end. */
    static void loadReference(Object reference, Object target) {
        ((Reference<?>) reference).assignQuietly(target);
    }

    /** Sets a collection's contents as loaded without touching the other ends. */
    static void loadCollection(Object collection, List<?> contents) {
        ((RelatedList<?>) Wrappers.unwrap(collection)).load(contents);
    }

    /**
     * Stages a member (collection) or the value (reference) of a relationship being loaded: it stays
     * unloaded, so nothing can read a partial load, until {@link #finishLoading}; {@link #unload}
     * drops what was staged.
     */
    static void stage(Object wrapper, Object target) {
        wrapper = Wrappers.unwrap(wrapper);
        if (wrapper instanceof RelatedList<?> l) l.stage(target);
        else ((Reference<?>) wrapper).stage(target);
    }

    /** The value staged on an unloaded reference, or null. */
    static Object staged(Object reference) {
        return ((Reference<?>) reference).peek();
    }

    /** Ends a load begun with {@link #stage}: collections are put in {@code order} (when given) first. */
    static void finishLoading(Object wrapper, java.util.Comparator<Object> order) {
        wrapper = Wrappers.unwrap(wrapper);
        if (wrapper instanceof RelatedList<?> l) l.finishLoading(order);
        else ((Reference<?>) wrapper).finishLoading();
    }

    /** Adds to a loaded collection without syncing (no-op when not loaded or already present). */
    static void addQuietly(Object collection, Object element) {
        ((RelatedList<?>) Wrappers.unwrap(collection)).addQuietly(element);
    }

    static void removeQuietly(Object collection, Object element) {
        ((RelatedList<?>) Wrappers.unwrap(collection)).removeQuietly(element);
    }

    /** Marks a reference loaded and empty without deciding its foreign key (NOLOAD). */
    static void noloadReference(Object reference) {
        ((Reference<?>) reference).markEmptyUnassigned();
    }

    /** True when a reference was set or loaded, so its value (even null) decides the foreign key. */
    static boolean isAssigned(Object reference) {
        return ((Reference<?>) reference).assigned();
    }

    /** A reference's value, or null when it is not loaded. */
    static Object peekReference(Object reference) {
        return ((Reference<?>) reference).peek();
    }

    /** A collection's members, empty when it is not loaded. */
    static List<?> peekCollection(Object collection) {
        return ((RelatedList<?>) Wrappers.unwrap(collection)).peek();
    }

    /** Pending additions of a write-only collection. */
    static List<?> writeOnlyAdditions(Object collection) {
        return ((WriteOnlyCollection<?>) collection).pendingAdditions();
    }

    static List<?> writeOnlyRemovals(Object collection) {
        return ((WriteOnlyCollection<?>) collection).pendingRemovals();
    }

    /** After a successful flush, the pending changes are in the database; returns how to undo that. */
    static Runnable clearWriteOnly(Object collection) {
        WriteOnlyCollection<?> c = (WriteOnlyCollection<?>) collection;
        List<?> added = c.pendingAdditions();
        List<?> removed = c.pendingRemovals();
        c.clearPending();
        return () -> c.restorePending(added, removed);
    }

    static boolean isWriteOnly(Object wrapper) {
        return wrapper instanceof WriteOnlyCollection<?>;
    }

    /** The owner of a write-only collection (for queries through it). */
    static Object writeOnlyOwner(Object collection) {
        return ((WriteOnlyCollection<?>) collection).owner();
    }

    static String writeOnlyAttribute(Object collection) {
        return ((WriteOnlyCollection<?>) collection).attribute();
    }

    /**
     * The sync rule of one mapped relationship, made by the configure step of a registry: {@code access}
     * reads the wrapper from an owner, {@code reverseName} (null for none) names the attribute to keep in sync.
     */
    static Object registryRule(Class<?> owner, String attribute, Class<?> target,
                                        java.util.function.Function<Object, Object> access, String reverseName) {
        return new SyncRule(owner, attribute, target, access, reverseName, true, true);
    }

    /** Marks a registry's rule view-only: writes through wrappers following it fail. */
    static void markViewOnly(Object rule) {
        ((SyncRule) rule).markViewOnly();
    }

    /** Links a rule to the rule of the attribute its reverse name designates (and back, if that one names none). */
    static void pair(Object ruleObject, Object reverseObject) {
        SyncRule rule = (SyncRule) ruleObject;
        SyncRule reverse = (SyncRule) reverseObject;
        rule.pair(reverse);
        if (reverse.pair() == null) reverse.pair(rule);
    }

    /**
     * Makes a wrapper of an object entering a session follow {@code rule}; changes made while its reverse
     * was unknown (builder-mapped classes, before the object was in a session) are back-populated now.
     */
    static void bind(Object wrapper, Object rule) {
        RelationBinding.bind(Wrappers.unwrap(wrapper), (SyncRule) rule);
    }

    /** Marks the wrapper of an object just read from a row not loaded, and binds it to {@code rule}. */
    static void unload(Object wrapper, Object ruleObject) {
        SyncRule rule = (SyncRule) ruleObject;
        wrapper = Wrappers.unwrap(wrapper);
        if (wrapper instanceof Reference<?> r) {
            r.unload();
            r.follow(rule);
        } else if (wrapper instanceof RelatedList<?> l) {
            l.unload();
            l.follow(rule);
        } else if (wrapper instanceof WriteOnlyCollection<?> w) {
            w.follow(rule);
        }
    }
}
