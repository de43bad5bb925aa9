package dev.braid.relation;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A collection too large to load (SQLAlchemy's {@code lazy="write_only"}): you can add and remove
 * members without loading it, and query it with {@code session.select(author.books)}, but never
 * iterate it in memory. Declare it with {@code load = LoadStrategy.WRITE_ONLY}:
 * <pre>{@code
 * @OneToMany(backPopulates = "author", load = LoadStrategy.WRITE_ONLY)
 * final WriteOnlyCollection<Book> books = WriteOnlyCollection.of(this);
 * }</pre>
 * Additions and removals are written at the next flush (the foreign key set, or cleared, or the
 * orphan deleted with DELETE_ORPHAN) and then forgotten.
 *
 * @param <T> the member entity type
 */
public final class WriteOnlyCollection<T> {
    private final Object owner;
    private final List<T> added = new ArrayList<>();
    private final List<T> removed = new ArrayList<>();
    // How the other end is kept in sync: a registry's rule once bound, else the field's declared one.
    private @Nullable SyncRule rule;
    private @Nullable PendingSync pending;

    private WriteOnlyCollection(Object owner) {
        this.owner = dev.braid.core.internal.util.Require.nonNull(owner, "owner");
    }

    /**
     * A write-only collection owned by {@code owner}; call it in a field initialiser with {@code this}.
     *
     * @param owner the entity object declaring the field
     * @param <T>   the member entity type
     * @return a collection with nothing pending
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code owner} is null
     */
    public static <T> WriteOnlyCollection<T> of(Object owner) {
        return new WriteOnlyCollection<>(owner);
    }

    /**
     * Adds a member: written at the next flush; the member's reference back to the owner is set now.
     * Adding a member removed since the last flush just cancels the removal.
     *
     * @param element the member
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code element} is null or not of the
     *         relationship's target class
     */
    public void add(T element) {
        RelationSync.requireMember(owner, rule(), element, false);
        if (!removeIdentity(removed, element)) added.add(element);
        RelationSync.added(owner, this, element);
    }

    /**
     * Removes a member: written at the next flush (its foreign key cleared, or the orphan deleted with
     * DELETE_ORPHAN). Removing a member added since the last flush just cancels the addition.
     *
     * @param element the member
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code element} is null or not of the
     *         relationship's target class
     */
    public void remove(T element) {
        RelationSync.requireMember(owner, rule(), element, false);
        if (!removeIdentity(added, element)) removed.add(element);
        RelationSync.removed(owner, this, element);
    }

    /**
     * Members added since the last flush (for inspection; the collection itself is never loaded).
     *
     * @return a copy of the pending additions, in the order added
     */
    public List<T> pendingAdditions() {
        return List.copyOf(added);
    }

    /**
     * Members removed since the last flush.
     *
     * @return a copy of the pending removals, in the order removed
     */
    public List<T> pendingRemovals() {
        return List.copyOf(removed);
    }

    Object owner() {
        return owner;
    }

    /** A member's reference moved it here: remember it as added without syncing back. */
    @SuppressWarnings("unchecked")
    void addQuietly(Object element) {
        if (!removeIdentity(removed, element) && added.stream().noneMatch(e -> e == element)) added.add((T) element);
    }

    /** A member's reference left this owner: it is no longer a pending addition (nor a removal to write). */
    void forgetQuietly(Object element) {
        removeIdentity(added, element);
    }

    void restorePending(List<?> addedBefore, List<?> removedBefore) {
        added.clear();
        removed.clear();
        for (Object o : addedBefore) added.add(cast(o));
        for (Object o : removedBefore) removed.add(cast(o));
    }

    @SuppressWarnings("unchecked")
    private T cast(Object o) {
        return (T) o;
    }

    void clearPending() {
        added.clear();
        removed.clear();
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

    private static boolean removeIdentity(List<?> list, Object element) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == element) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "WriteOnlyCollection[+" + added.size() + ", -" + removed.size() + " pending]";
    }
}
