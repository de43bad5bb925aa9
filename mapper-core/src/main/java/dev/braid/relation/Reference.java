package dev.braid.relation;

import java.util.Optional;

/**
 * A to-one relationship (many-to-one or one-to-one). Declare it as a field initialised with its owner:
 * {@code final Reference<Author> author = Reference.of(this);}
 *
 * <p>A reference on a new object is loaded and empty. On an object read from the database it holds
 * what its load strategy loaded; when it was not loaded, {@link #get()} throws an error that names
 * the attribute and how to load it, so an unloaded reference never looks like {@code null}.
 * {@link #set} keeps the other end in sync (the parent's loaded collection, or the other side of a
 * one-to-one); the foreign key column follows at the next flush. For classes mapped with the fluent
 * builder, the other end of a new object is synced when it enters a session (see {@link RelatedList}).
 */
public final class Reference<T> {
    private final Object owner;
    private T value;
    private boolean loaded = true;
    // False until the reference is set or loaded: a pristine reference on a new object says nothing
    // about its foreign key, which the application may have set directly (SQLAlchemy syncs only
    // relationships that were assigned).
    private boolean assigned;
    // How the other end is kept in sync: a registry's rule once bound, else the field's declared one.
    private SyncRule rule;
    private PendingSync pending;

    private Reference(Object owner) {
        this.owner = dev.braid.core.internal.util.Require.nonNull(owner, "owner");
    }

    /** A reference owned by {@code owner}; call it in a field initialiser with {@code this}. */
    public static <T> Reference<T> of(Object owner) {
        return new Reference<>(owner);
    }

    /** The referenced object, or null when there is none. */
    public T get() {
        if (!loaded) throw NotLoaded.error(owner, attribute());
        return value;
    }

    /** The referenced object, if any. */
    public Optional<T> find() {
        return Optional.ofNullable(get());
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Points this reference at {@code target} (or at nothing) and updates the other end in memory. */
    public void set(T target) {
        RelationSync.requireMember(owner, rule(), target, true);
        T previous = value;
        value = target;
        loaded = true;
        assigned = true;
        RelationSync.referenceChanged(owner, this, previous, target);
    }

    /** The current value whether loaded or not (null when not loaded). */
    T peek() {
        return value;
    }

    @SuppressWarnings("unchecked")
    void assignQuietly(Object target) {
        value = (T) target;
        loaded = true;
        assigned = true;
    }

    /** The value read for a load still in progress; the reference stays unloaded until {@link #finishLoading}. */
    @SuppressWarnings("unchecked")
    void stage(Object target) {
        if (loaded) throw dev.braid.core.internal.util.Require.bug("stage() on a loaded reference");
        value = (T) target;
    }

    /** Ends a load: the staged value (null when none was read) becomes the loaded one. */
    void finishLoading() {
        loaded = true;
        assigned = true;
    }

    /** NOLOAD: reads as loaded and empty, but does not claim the foreign key is NULL. */
    void markEmptyUnassigned() {
        value = null;
        loaded = true;
        assigned = false;
    }

    boolean assigned() {
        return assigned;
    }

    void unload() {
        value = null;
        loaded = false;
        assigned = false;
    }

    Object owner() {
        return owner;
    }

    SyncRule rule() {
        SyncRule r = rule;
        if (r == null) rule = r = DeclaredRules.holding(owner, this);
        return r;
    }

    /** The rule set so far (bound, or declared and cached), or null. */
    SyncRule boundRule() {
        return rule;
    }

    /** Follows {@code bound} from now on; returns what could not be synced before, and forgets it. */
    PendingSync bind(SyncRule bound) {
        rule = bound;
        PendingSync p = pending;
        pending = null;
        return p;
    }

    /** Follows {@code bound} (a wrapper just created from a row: nothing pending). */
    void follow(SyncRule bound) {
        rule = bound;
    }

    PendingSync pending(boolean create) {
        if (pending == null && create) pending = new PendingSync();
        return pending;
    }

    String attribute() {
        return rule().attribute();
    }

    @Override
    public String toString() {
        return loaded ? "Reference[" + value + "]" : "Reference[not loaded]";
    }
}
