package dev.braid.relation;

import org.jspecify.annotations.Nullable;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A to-many relationship (one-to-many or many-to-many) with set semantics (SQLAlchemy's
 * {@code collection_class=set}): an object is a member at most once, compared by identity as the
 * entities themselves are, and iteration follows insertion (or load) order. Declare it as a field
 * initialised with its owner: {@code final RelatedSet<Tag> tags = RelatedSet.of(this);}
 *
 * <p>Everything else is as for {@link RelatedList}: a collection that was not loaded fails on every
 * read and write with an error naming the attribute and how to load it; adding and removing keep the
 * other end in sync in memory, and the database follows at the next flush. {@link #add} of a member
 * already present changes nothing and returns false.
 *
 * @param <T> the member entity type
 */
public final class RelatedSet<T> extends AbstractSet<T> {
    // The members in order; syncing, loading and the loaded check are the list's.
    private final RelatedList<T> members;

    private RelatedSet(Object owner) {
        this.members = RelatedList.of(owner);
    }

    /**
     * A collection owned by {@code owner}; call it in a field initialiser with {@code this}.
     *
     * @param owner the entity object declaring the field
     * @param <T>   the member entity type
     * @return a loaded, empty collection
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code owner} is null
     */
    public static <T> RelatedSet<T> of(Object owner) {
        return new RelatedSet<>(owner);
    }

    /**
     * Whether the collection was loaded (or is on a new object): only then can it be read or changed.
     *
     * @return true when loaded
     */
    public boolean isLoaded() {
        return members.isLoaded();
    }

    @Override
    public int size() {
        return members.size();
    }

    /** In insertion (or load) order; {@code remove} keeps the other end in sync. */
    @Override
    public Iterator<T> iterator() {
        return members.iterator();
    }

    /** Identity, not {@code equals}. */
    @Override
    public boolean contains(@Nullable Object o) {
        return members.identityIndex(o) >= 0;
    }

    /**
     * Adds {@code element} unless it is a member already (by identity), syncing the other end.
     *
     * @throws dev.braid.error.MapperException {@code BRAID_NOT_LOADED} when the collection was not loaded;
     *         {@code BRAID_ARGUMENT} for null, an object of another class, or a view-only relationship
     */
    @Override
    public boolean add(T element) {
        if (members.identityIndex(element) >= 0) return false;
        return members.add(element);
    }

    /** Removes {@code o} (by identity), syncing the other end. */
    @Override
    public boolean remove(@Nullable Object o) {
        int index = members.identityIndex(o);
        if (index < 0) return false;
        members.remove(index);
        return true;
    }

    @Override
    public void clear() {
        members.clear();
    }

    /**
     * Replaces the whole content, syncing the other end of every member removed and added; repeats in
     * {@code replacement} count once.
     *
     * @param replacement the new members, in order
     * @throws dev.braid.error.MapperException {@code BRAID_NOT_LOADED} when the collection was not loaded;
     *         {@code BRAID_ARGUMENT} for a null member or one of another class
     */
    public void setAll(Collection<? extends T> replacement) {
        List<T> distinct = new ArrayList<>(replacement.size());
        for (T t : replacement) {
            boolean seen = false;
            for (T d : distinct) seen |= d == t;
            if (!seen) distinct.add(t);
        }
        members.setAll(distinct);
    }

    /** The list holding the members: Braid's internals work on it. */
    RelatedList<T> members() {
        return members;
    }

    /** Identity: two collections are equal only when they are the same object (unlike other sets). */
    @Override
    public boolean equals(@Nullable Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return members.toString();
    }
}
