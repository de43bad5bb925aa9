package dev.braid.relation;

import org.jspecify.annotations.Nullable;

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
 *
 * @param <T> the referenced entity type
 */
public final class Reference<T> {
    private final Object owner;
    private @Nullable T value;
    private boolean loaded = true;
    // False until the reference is set or loaded: a pristine reference on a new object says nothing
    // about its foreign key, which the application may have set directly (SQLAlchemy syncs only
    // relationships that were assigned).
    private boolean assigned;
    // How the other end is kept in sync: a registry's rule once bound, else the field's declared one.
    private @Nullable SyncRule rule;
    private @Nullable PendingSync pending;

    private Reference(Object owner) {
        this.owner = dev.braid.core.internal.util.Require.nonNull(owner, "owner");
    }

    /**
     * A reference owned by {@code owner}; call it in a field initialiser with {@code this}.
     *
     * @param owner the entity object declaring the field
     * @param <T>   the referenced entity type
     * @return a loaded, empty reference
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code owner} is null
     */
    public static <T> Reference<T> of(Object owner) {
        return new Reference<>(owner);
    }

    /**
     * The referenced object.
     *
     * @return the referenced object, or null when there is none
     * @throws dev.braid.error.MapperException {@code BRAID_NOT_LOADED} when the reference was not loaded,
     *         naming the attribute and how to load it
     */
    public @Nullable T get() {
        if (!loaded) throw NotLoaded.error(owner, attribute());
        return value;
    }

    /**
     * The referenced object, if any.
     *
     * @return the referenced object, or empty when there is none
     * @throws dev.braid.error.MapperException {@code BRAID_NOT_LOADED} when the reference was not loaded
     */
    public Optional<T> find() {
        return Optional.ofNullable(get());
    }

    /**
     * Whether the reference was loaded (or is on a new object): only then can {@link #get()} answer.
     *
     * @return true when loaded
     */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Points this reference at {@code target} (or at nothing) and updates the other end in memory; the
     * foreign key follows at the next flush. Setting works on an unloaded reference too, and loads it.
     *
     * @param target the object to refer to, or null for none
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code target} is not of the
     *         relationship's target class
     */
    public void set(@Nullable T target) {
        RelationSync.requireMember(owner, rule(), target, true);
        T previous = value;
        value = target;
        loaded = true;
        assigned = true;
        RelationSync.referenceChanged(owner, this, previous, target);
    }

    /** The current value whether loaded or not (null when not loaded). */
    @Nullable T peek() {
        return value;
    }

    @SuppressWarnings("unchecked")
    void assignQuietly(@Nullable Object target) {
        value = (T) target;
        loaded = true;
        assigned = true;
    }

    /** The value read for a load still in progress; the reference stays unloaded until {@link #finishLoading}. */
    @SuppressWarnings("unchecked")
    void stage(@Nullable Object target) {
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
    @Nullable SyncRule boundRule() {
        return rule;
    }

    /** Follows {@code bound} from now on; returns what could not be synced before, and forgets it. */
    @Nullable PendingSync bind(SyncRule bound) {
        rule = bound;
        PendingSync p = pending;
        pending = null;
        return p;
    }

    /** Follows {@code bound} (a wrapper just created from a row: nothing pending). */
    void follow(SyncRule bound) {
        rule = bound;
    }

    @Nullable PendingSync pending(boolean create) {
        if (pending == null && create) pending = new PendingSync();
        return pending;
    }

    String attribute() {
        return rule().attribute();
    }

    /** {@code Reference[value]}, or {@code Reference[not loaded]}; never loads anything. */
    @Override
    public String toString() {
        return loaded ? "Reference[" + value + "]" : "Reference[not loaded]";
    }
}
