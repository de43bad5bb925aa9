package dev.braid.relation;

import org.jspecify.annotations.Nullable;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * A to-many relationship (one-to-many or many-to-many), a {@code java.util.List}. Declare it as a
 * field initialised with its owner: {@code final RelatedList<Book> books = RelatedList.of(this);}
 *
 * <p>A collection on a new object is loaded and empty. On an object read from the database it holds
 * what its load strategy loaded; when it was not loaded, every read and write throws an error that
 * names the attribute and how to load it, so an unloaded collection never looks empty. Adding and
 * removing keep the other end in sync in memory ({@code book.author}, or the other side of a
 * many-to-many); the database follows at the next flush.
 *
 * <p>The other end is the one the mapping names. With annotations ({@code backPopulates}) that is known
 * at once. For a class mapped with the fluent builder the names belong to the {@code MappingRegistry},
 * so on a new object that is in no session yet a change stays one-sided, unless the other object is
 * already in a session; it is synced when either object enters a session (add, a cascade, or a load).
 *
 * <p>Members are never null; adding null or an object of another class fails with {@code BRAID_ARGUMENT}.
 * Equality is identity, as for the entities themselves.
 *
 * @param <T> the member entity type
 */
public final class RelatedList<T> extends AbstractList<T> implements RandomAccess {
    private final Object owner;
    private final ArrayList<T> items = new ArrayList<>();
    private boolean loaded = true;
    // How the other end is kept in sync: a registry's rule once bound, else the field's declared one.
    private @Nullable SyncRule rule;
    private @Nullable PendingSync pending;

    private RelatedList(Object owner) {
        this.owner = dev.braid.core.internal.util.Require.nonNull(owner, "owner");
    }

    /**
     * A collection owned by {@code owner}; call it in a field initialiser with {@code this}.
     *
     * @param owner the entity object declaring the field
     * @param <T>   the member entity type
     * @return a loaded, empty collection
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code owner} is null
     */
    public static <T> RelatedList<T> of(Object owner) {
        return new RelatedList<>(owner);
    }

    /**
     * Whether the collection was loaded (or is on a new object): only then can it be read or changed.
     *
     * @return true when loaded
     */
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public T get(int index) {
        requireLoaded();
        return items.get(index);
    }

    @Override
    public int size() {
        requireLoaded();
        return items.size();
    }

    /**
     * Checks the collection is loaded once, not per element (AbstractList's iterator goes through
     * {@link #get} and {@link #size} for every step); {@code remove} keeps the other end in sync as
     * {@link #remove(int)} does, and a change made around the iterator fails fast.
     */
    @Override
    public Iterator<T> iterator() {
        requireLoaded();
        return new Members();
    }

    @Override
    public void forEach(Consumer<? super T> action) {
        dev.braid.core.internal.util.Require.nonNull(action, "action");
        requireLoaded();
        int expected = modCount;
        for (int i = 0, n = items.size(); i < n && modCount == expected; i++) {
            action.accept(items.get(i));
        }
        if (modCount != expected) throw new ConcurrentModificationException();
    }

    private final class Members implements Iterator<T> {
        private int next;
        private int last = -1;
        private int expectedModCount = modCount;

        @Override
        public boolean hasNext() {
            // Fail fast here too: a list changed (or unloaded) under the loop must not just end it.
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            return next < items.size();
        }

        @Override
        public T next() {
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            if (next >= items.size()) throw new NoSuchElementException();
            last = next++;
            return items.get(last);
        }

        @Override
        public void remove() {
            if (last < 0) throw new IllegalStateException("remove() without a preceding next()");
            if (modCount != expectedModCount) throw new ConcurrentModificationException();
            RelatedList.this.remove(last);
            next = last;
            last = -1;
            expectedModCount = modCount;
        }
    }

    @Override
    public T set(int index, T element) {
        requireLoaded();
        RelationSync.requireMember(owner, rule(), element, false);
        T previous = items.set(index, element);
        if (previous != element) {
            RelationSync.removed(owner, this, previous);
            RelationSync.added(owner, this, element);
        }
        return previous;
    }

    @Override
    public void add(int index, T element) {
        requireLoaded();
        RelationSync.requireMember(owner, rule(), element, false);
        items.add(index, element);
        modCount++;
        RelationSync.added(owner, this, element);
    }

    @Override
    public T remove(int index) {
        requireLoaded();
        RelationSync.requireWritable(owner, rule());
        T removed = items.remove(index);
        modCount++;
        RelationSync.removed(owner, this, removed);
        return removed;
    }

    /**
     * Replaces the whole content (SQLAlchemy's {@code parent.children = [...]}), syncing the other end of
     * every member removed and added.
     *
     * @param replacement the new members, in order (copied first, so it may be this list's own view)
     * @throws dev.braid.error.MapperException {@code BRAID_NOT_LOADED} when the collection was not loaded;
     *         {@code BRAID_ARGUMENT} for a null member or one of another class
     */
    public void setAll(Collection<? extends T> replacement) {
        List<T> copy = new ArrayList<>(replacement);
        clear();
        addAll(copy);
    }

    // --- used by Braid through RelationInternals, never sync the other end ---

    void addQuietly(Object element) {
        if (!loaded) return; // an unloaded collection stays unloaded: it cannot know all its members
        for (T existing : items) {
            if (existing == element) return;
        }
        @SuppressWarnings("unchecked") T typed = (T) element;
        items.add(typed);
        modCount++;
    }

    void removeQuietly(Object element) {
        if (!loaded) return;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == element) {
                items.remove(i);
                modCount++;
                return;
            }
        }
    }

    void load(List<?> contents) {
        items.clear();
        for (Object o : contents) {
            @SuppressWarnings("unchecked") T typed = (T) o;
            items.add(typed);
        }
        loaded = true;
        modCount++;
    }

    void unload() {
        items.clear();
        loaded = false;
        modCount++;
    }

    /**
     * Adds a member read for a load still in progress: the collection stays unloaded (unreadable)
     * until {@link #finishLoading}, and the database guarantees no member comes twice.
     */
    void stage(Object element) {
        if (loaded) throw dev.braid.core.internal.util.Require.bug("stage() on a loaded collection");
        @SuppressWarnings("unchecked") T typed = (T) element;
        items.add(typed);
    }

    /** Ends a load: the staged members, put in {@code order} unless already in it, become the content. */
    @SuppressWarnings("unchecked")
    void finishLoading(java.util.@Nullable Comparator<Object> order) {
        if (order != null && !inOrder(order)) items.sort((java.util.Comparator<? super T>) order);
        loaded = true;
        modCount++;
    }

    private boolean inOrder(java.util.Comparator<Object> order) {
        for (int i = 1; i < items.size(); i++) {
            if (order.compare(items.get(i - 1), items.get(i)) > 0) return false;
        }
        return true;
    }

    /** The position of {@code o} compared by identity, or -1 (for {@link RelatedSet}). */
    int identityIndex(@Nullable Object o) {
        requireLoaded();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == o) return i;
        }
        return -1;
    }

    /** The members without the loaded check (empty when not loaded). */
    List<T> peek() {
        return items;
    }

    Object owner() {
        return owner;
    }

    private void requireLoaded() {
        if (!loaded) throw NotLoaded.error(owner, attribute());
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

    /** Identity: two collections are equal only when they are the same object (unlike other lists). */
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
        return loaded ? items.toString() : "[not loaded]";
    }
}
