package dev.braid.core.internal.meta;

import dev.braid.query.Order;
import dev.braid.query.Predicate;

import java.util.List;

/**
 * The optional parts of one relationship declaration, before validation: collection order, the
 * attributes of a composite foreign key, an extra join condition and view-only. The annotation forms
 * are text ({@code orderBy = "title DESC"}, {@code where = "active = true"}); the builder's are typed
 * ({@code Book_.title.desc()}, {@code Book_.active.eq(true)}). {@link RelationOptionsResolver} checks
 * either against the target's attributes at configure time.
 *
 * @param orderBy     annotation text: attribute names each with an optional ASC/DESC, comma-separated; "" for none
 * @param order       builder form of the order; empty for none
 * @param foreignKeys the foreign-key attributes of a composite foreign key, in the referenced key's order; empty for one column
 * @param where       annotation text: {@code attribute op literal} terms joined by AND; "" for none
 * @param conditions  builder form of the extra condition (comparisons and null checks on the target's attributes)
 * @param viewOnly    whether the relationship is only read (required with an extra condition)
 */
public record RelationOptions(String orderBy, List<Order> order, List<String> foreignKeys, String where,
                              List<Predicate> conditions, boolean viewOnly) {
    /** No options. */
    public static final RelationOptions NONE = new RelationOptions("", List.of(), List.of(), "", List.of(), false);

    public RelationOptions {
        orderBy = orderBy == null ? "" : orderBy.trim();
        where = where == null ? "" : where.trim();
        order = List.copyOf(order);
        foreignKeys = List.copyOf(foreignKeys);
        conditions = List.copyOf(conditions);
    }

    public RelationOptions withOrder(List<Order> newOrder) {
        return new RelationOptions(orderBy, newOrder, foreignKeys, where, conditions, viewOnly);
    }

    public RelationOptions withForeignKeys(List<String> attributes) {
        return new RelationOptions(orderBy, order, attributes, where, conditions, viewOnly);
    }

    public RelationOptions withConditions(List<Predicate> newConditions) {
        return new RelationOptions(orderBy, order, foreignKeys, where, newConditions, viewOnly);
    }

    public RelationOptions withViewOnly(boolean only) {
        return new RelationOptions(orderBy, order, foreignKeys, where, conditions, only);
    }
}
