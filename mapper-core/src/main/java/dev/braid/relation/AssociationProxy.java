package dev.braid.relation;

import dev.braid.core.internal.util.Require;
import org.jspecify.annotations.Nullable;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.Function;

/**
 * A live view of the objects at the far end of an association-object collection (SQLAlchemy's
 * {@code association_proxy}): {@code club.people} over {@code club.memberships}, each
 * {@code Membership} referencing one {@code Person} and carrying its own columns. Reading goes through
 * the underlying collection every time, so the view never goes stale; {@link #add} creates the
 * association object with the creator you give (SQLAlchemy's {@code creator}) and adds it to the
 * collection, which syncs and flushes as any member would. Declare it next to the collection; it is not
 * a mapped attribute:
 * <pre>{@code
 * @OneToMany(backPopulates = "club", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
 * public final RelatedList<Membership> memberships = RelatedList.of(this);
 * public final AssociationProxy<Membership, Person> people =
 *         AssociationProxy.of(memberships, m -> m.person.get(), person -> new Membership(person, "member"));
 * }</pre>
 * Load it by loading the collection and the reference behind it, e.g.
 * {@code Loads.selectin(Club_.memberships, Membership_.person)}; reading it otherwise fails as the
 * unloaded collection or reference does, naming it. Membership is by identity; {@link #remove} removes
 * the first association object pointing at the object (deleted at the flush with
 * {@code DELETE_ORPHAN}, else its foreign key is cleared).
 *
 * @param <A> the association object type
 * @param <T> the type of the objects it points at
 */
public final class AssociationProxy<A, T> extends AbstractCollection<T> {
    private final Collection<A> associations;
    private final Function<? super A, ? extends T> target;
    private final Function<? super T, ? extends A> creator;

    private AssociationProxy(Collection<A> associations, Function<? super A, ? extends T> target,
                             Function<? super T, ? extends A> creator) {
        this.associations = Require.nonNull(associations, "associations");
        this.target = Require.nonNull(target, "target");
        this.creator = Require.nonNull(creator, "creator");
    }

    /**
     * A view over a {@link RelatedList} of association objects.
     *
     * @param associations the association-object collection of the same owner
     * @param target       reads the object an association object points at, e.g. {@code m -> m.person.get()}
     * @param creator      makes the association object for a new target (the collection adds it)
     * @param <A>          the association object type
     * @param <T>          the target type
     * @return the live view
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when an argument is null
     */
    public static <A, T> AssociationProxy<A, T> of(RelatedList<A> associations, Function<? super A, ? extends T> target,
                                                   Function<? super T, ? extends A> creator) {
        return new AssociationProxy<>(associations, target, creator);
    }

    /**
     * A view over a {@link RelatedSet} of association objects.
     *
     * @param associations the association-object collection of the same owner
     * @param target       reads the object an association object points at
     * @param creator      makes the association object for a new target
     * @param <A>          the association object type
     * @param <T>          the target type
     * @return the live view
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when an argument is null
     */
    public static <A, T> AssociationProxy<A, T> of(RelatedSet<A> associations, Function<? super A, ? extends T> target,
                                                   Function<? super T, ? extends A> creator) {
        return new AssociationProxy<>(associations, target, creator);
    }

    /**
     * Whether the underlying collection was loaded (the references behind it may still not be).
     *
     * @return true when loaded
     */
    public boolean isLoaded() {
        return associations instanceof RelatedList<?> l ? l.isLoaded() : ((RelatedSet<?>) associations).isLoaded();
    }

    @Override
    public int size() {
        return associations.size();
    }

    /** The targets in the collection's order; {@code remove} removes the association object. */
    @Override
    public Iterator<T> iterator() {
        Iterator<A> it = associations.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() { return it.hasNext(); }

            @Override
            public T next() { return target.apply(it.next()); }

            @Override
            public void remove() { it.remove(); }
        };
    }

    /** Identity: true when an association object points at {@code o}. */
    @Override
    public boolean contains(@Nullable Object o) {
        for (A a : associations) {
            if (target.apply(a) == o) return true;
        }
        return false;
    }

    /**
     * Creates the association object for {@code element} with the creator and adds it to the collection.
     *
     * @return true (a second association object to the same target is added too, as SQLAlchemy does for lists)
     * @throws dev.braid.error.MapperException {@code BRAID_NOT_LOADED} when the collection was not loaded;
     *         {@code BRAID_ARGUMENT} when the creator returns null
     */
    @Override
    public boolean add(T element) {
        A association = creator.apply(element);
        if (association == null) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_ARGUMENT, "The creator of an"
                    + " AssociationProxy returned null for " + element + ". Fix: return the new association object");
        }
        return associations.add(association);
    }

    /** Removes the first association object pointing at {@code o} (identity). */
    @Override
    public boolean remove(@Nullable Object o) {
        for (Iterator<A> it = associations.iterator(); it.hasNext(); ) {
            if (target.apply(it.next()) == o) {
                it.remove();
                return true;
            }
        }
        return false;
    }

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
        return isLoaded() ? super.toString() : "[not loaded]";
    }
}
