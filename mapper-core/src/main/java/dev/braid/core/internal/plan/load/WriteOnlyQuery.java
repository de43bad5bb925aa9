package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.query.Attribute;
import dev.braid.query.Predicate;
import dev.braid.query.Query;
import dev.braid.query.Relation;
import dev.braid.core.internal.relation.RelationInternals;
import dev.braid.relation.WriteOnlyCollection;

/**
 * The query over the members of a write-only collection (SQLAlchemy's {@code author.books.select()}):
 * the targets whose foreign key is the owner's key, or, for a many-to-many, the targets whose reverse
 * collection has the owner.
 */
public final class WriteOnlyQuery {
    private WriteOnlyQuery() {}

    /**
     * The members of {@code collection} as a query, to refine like any other.
     *
     * @throws MapperException {@code BRAID_ENTITY_STATE} when the owner has no key yet
     */
    @SuppressWarnings("unchecked")
    public static <T> Query<T> of(MappingRegistry registry, WriteOnlyCollection<T> collection) {
        Object owner = RelationInternals.writeOnlyOwner(collection);
        EntityMapping ownerMapping = registry.entity(owner.getClass());
        RelationshipMapping r = ownerMapping.requireRelationship(RelationInternals.writeOnlyAttribute(collection));
        Object ownerKey = r.localColumn().get(owner);
        if (ownerKey == null) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot query " + r.qualifiedName() + " of a "
                    + ownerMapping.name() + " that has no id yet. Fix: flush the session first");
        }
        Class<T> target = (Class<T>) r.target().type();
        Predicate membership;
        if (r.direction() == RelationshipMapping.Direction.MANY_TO_MANY) {
            // Without a declared reverse: the query-only one of the same link table.
            String reverse = r.reverse() == null ? dev.braid.core.internal.meta.ImplicitReverses.name(r) : r.reverse().attribute();
            membership = Relation.of(target, reverse, ownerMapping.type())
                    .any(new Predicate.Compare(Attribute.of(ownerMapping.type(), r.localColumn().attribute(),
                            Boxing.boxed(r.localColumn().type().javaClass())), Predicate.Op.EQ, ownerKey));
        } else {
            membership = new Predicate.Compare(Attribute.of(target, r.remoteColumn().attribute(),
                    Boxing.boxed(r.remoteColumn().type().javaClass())), Predicate.Op.EQ, ownerKey);
        }
        return Query.from(target).where(membership);
    }
}
