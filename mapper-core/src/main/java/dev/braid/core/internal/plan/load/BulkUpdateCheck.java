package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Assignment;
import dev.braid.query.Attribute;
import dev.braid.query.Query;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a bulk update accepts, checked before anything is sent: a filter only (no join, order, paging or
 * load options; no filter at all is refused, as for delete), a writable entity, and assignments of mapped
 * columns of that entity that are neither its key nor its version, each once, with a value of the
 * attribute's type (null only where the column is nullable) and increments only of numbers.
 */
final class BulkUpdateCheck {
    private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, Long.class, Short.class, Double.class,
            BigDecimal.class);

    private BulkUpdateCheck() {}

    static List<Assignment> check(EntityMapping mapping, Query<?> query, List<Assignment> assignments) {
        String name = mapping.name();
        dev.braid.core.internal.util.Require.nonNull(assignments, "assignments");
        if (mapping.readOnly() || mapping.idColumns().isEmpty()) {
            throw fail("update() of " + name + ": it is a read-only view. Fix: update through the writable entity"
                    + " mapped to " + mapping.table());
        }
        if (query.where() == null) {
            throw fail("update() of " + name + " without where(...) would update every row of " + mapping.table()
                    + ". Fix: add where(...); to update every row on purpose, where(Predicate.and())");
        }
        if (!query.joins().isEmpty() || query.limit() != null || query.offset() != null || !query.orderBy().isEmpty()
                || !query.options().isEmpty() || query.seek() != null) {
            throw fail("update() of " + name + " takes a filter only, not join/orderBy/limit/offset/options/seekAfter."
                    + " Fix: filter across relationships with any()/has()");
        }
        if (assignments.isEmpty()) {
            throw fail("update() of " + name + " was given nothing to set. Fix: pass Updates.set(" + name
                    + "_.attribute, value), ...");
        }
        Set<String> seen = new HashSet<>();
        for (Assignment a : assignments) {
            if (a == null) throw fail("update() of " + name + " was given a null assignment. Fix: pass Updates.set(...)");
            ColumnMapping column = column(mapping, a.attribute());
            if (!seen.add(column.attribute())) {
                throw fail("update() of " + name + " sets " + a.attribute() + " twice. Fix: set each attribute once");
            }
            if (a instanceof Assignment.Increment && !NUMBERS.contains(Boxing.boxed(column.type().javaClass()))) {
                throw fail("update() of " + name + " increments " + a.attribute() + ", which is "
                        + column.type().javaClass().getSimpleName() + ", not a number. Fix: Updates.set(...) it");
            }
            databaseValue(column, a); // type and null checks
        }
        return List.copyOf(assignments);
    }

    private static ColumnMapping column(EntityMapping mapping, Attribute<?, ?> attribute) {
        String name = mapping.name();
        if (!attribute.entityType().equals(mapping.type())) {
            throw fail("update() of " + name + " sets " + attribute + ", an attribute of another entity. Fix: set"
                    + " attributes of " + name + ", or update " + attribute.entityType().getSimpleName()
                    + " with its own select(...).update(...)");
        }
        ColumnMapping column = mapping.attribute(attribute.name()).orElse(null);
        if (column == null) {
            RelationshipMapping r = mapping.relationship(attribute.name()).orElse(null);
            if (r != null) {
                String fix = r.ownsForeignKey() && r.link() == null
                        ? "set its foreign key attribute " + r.localColumn().qualifiedName() + " instead"
                        : "update " + r.target().name() + " rows with select(" + r.target().name() + ".class)"
                        + ".where(...).update(...)";
                throw fail("update() of " + name + " sets " + attribute + ", a relationship: a bulk update writes"
                        + " columns. Fix: " + fix);
            }
            throw fail("update() of " + name + " sets " + attribute + ", which is not a mapped attribute. Mapped"
                    + " attributes: " + mapping.columns().stream().map(ColumnMapping::attribute).toList()
                    + ". Fix: use a generated reference (" + name + "_.attribute) or correct the name");
        }
        if (column.isId()) {
            throw fail("update() of " + name + " sets " + attribute + ", part of the key: objects are identified by"
                    + " it, so a bulk update never changes keys. Fix: insert rows with the new keys and delete the old");
        }
        if (column.isVersion()) {
            throw fail("update() of " + name + " sets " + attribute + ", the version column: Braid increments it"
                    + " itself on every update. Fix: leave it out");
        }
        return column;
    }

    /** The driver value an assignment binds, after checking its type and nullability. */
    static Object databaseValue(ColumnMapping column, Assignment a) {
        Object value = a instanceof Assignment.Set set ? set.value() : ((Assignment.Increment) a).amount();
        if (value == null) {
            if (!column.nullable()) {
                throw fail("update() sets " + column.qualifiedName() + " to null, but its column " + column.column()
                        + " is NOT NULL. Fix: set a value");
            }
            return null;
        }
        Class<?> expected = Boxing.boxed(column.type().javaClass());
        if (!expected.isInstance(value)) {
            throw fail("update() sets " + column.qualifiedName() + ", which is " + expected.getSimpleName() + ", to "
                    + value.getClass().getSimpleName() + " " + value + ". Fix: pass a " + expected.getSimpleName());
        }
        return column.type().toDatabase(value);
    }

    private static MapperException fail(String message) {
        return new MapperException(ErrorCode.BRAID_QUERY, message);
    }
}
