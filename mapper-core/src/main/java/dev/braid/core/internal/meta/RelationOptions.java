package dev.braid.core.internal.meta;

import java.util.List;

/**
 * The optional parts of one relationship declaration, before validation: collection order, the
 * attributes of a composite foreign key, an extra join condition and view-only. The annotation forms
 * are text ({@code orderBy = "title DESC"}, {@code where = "active = true"}); the builder's are typed
 * ({@code Book_.title.desc()}, {@code Book_.active.eq(true)}, turned into {@link Term}s by the builder). {@link RelationOptionsResolver} checks
 * either against the target's attributes at configure time.
 *
 * @param orderBy     annotation text: attribute names each with an optional ASC/DESC, comma-separated; "" for none
 * @param order       builder form of the order (operator ASC or DESC); empty for none
 * @param foreignKeys the foreign-key attributes of a composite foreign key, in the referenced key's order; empty for one column
 * @param where       annotation text: {@code attribute op literal} terms joined by AND; "" for none
 * @param conditions  builder form of the extra condition (operators = <> < <= > >= IS NULL, IS NOT NULL)
 * @param viewOnly    whether the relationship is only read (required with an extra condition)
 */
public record RelationOptions(String orderBy, List<Term> order, List<String> foreignKeys, String where,
                              List<Term> conditions, boolean viewOnly) {
    /**
     * One typed term of the builder, on an attribute of {@code entity}: an order term (operator ASC or DESC,
     * no value) or a condition ({@code attribute operator value}). {@code entity} null marks a term the
     * builder could not take, {@code attribute} then says what it was.
     */
    public record Term(@org.jspecify.annotations.Nullable Class<?> entity, String attribute, String operator,
                       @org.jspecify.annotations.Nullable Object value) {}

    /** No options. */
    public static final RelationOptions NONE = new RelationOptions("", List.of(), List.of(), "", List.of(), false);

    public RelationOptions {
        orderBy = orderBy == null ? "" : orderBy.trim();
        where = where == null ? "" : where.trim();
        order = List.copyOf(order);
        foreignKeys = List.copyOf(foreignKeys);
        conditions = List.copyOf(conditions);
    }

    public RelationOptions withOrder(List<Term> newOrder) {
        return new RelationOptions(orderBy, newOrder, foreignKeys, where, conditions, viewOnly);
    }

    public RelationOptions withForeignKeys(List<String> attributes) {
        return new RelationOptions(orderBy, order, attributes, where, conditions, viewOnly);
    }

    public RelationOptions withConditions(List<Term> newConditions) {
        return new RelationOptions(orderBy, order, foreignKeys, where, newConditions, viewOnly);
    }

    public RelationOptions withViewOnly(boolean only) {
        return new RelationOptions(orderBy, order, foreignKeys, where, conditions, only);
    }
}
