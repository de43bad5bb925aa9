package dev.braid.mapping;

import dev.braid.core.internal.meta.RelationOptions;
import dev.braid.query.Order;
import dev.braid.query.Predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the builder's typed relationship options (metamodel orders and predicates) into the mapping
 * model's plain terms, which the configure step checks against the target; what the builder cannot take
 * becomes a term without entity, reported there with the relationship's name.
 */
final class RelationTerms {
    private RelationTerms() {}

    static List<RelationOptions.Term> order(Order[] order) {
        List<RelationOptions.Term> out = new ArrayList<>(order.length);
        for (Order o : order) {
            if (o == null || !o.isAttribute()) {
                out.add(new RelationOptions.Term(null, String.valueOf(o == null ? null : o.expression()), "ASC", null));
            } else {
                out.add(new RelationOptions.Term(o.attribute().entityType(), o.attribute().name(), o.direction().name(), null));
            }
        }
        return out;
    }

    static List<RelationOptions.Term> conditions(Predicate[] conditions) {
        List<RelationOptions.Term> out = new ArrayList<>(conditions.length);
        for (Predicate p : conditions) add(p, out);
        return out;
    }

    private static void add(Predicate p, List<RelationOptions.Term> out) {
        if (p instanceof Predicate.And and) {
            for (Predicate operand : and.operands()) add(operand, out);
        } else if (p instanceof Predicate.Compare c) {
            out.add(new RelationOptions.Term(c.attribute().entityType(), c.attribute().name(), c.op().sql(), c.value()));
        } else if (p instanceof Predicate.IsNull n) {
            out.add(new RelationOptions.Term(n.attribute().entityType(), n.attribute().name(),
                    n.negated() ? "IS NOT NULL" : "IS NULL", null));
        } else {
            out.add(new RelationOptions.Term(null, String.valueOf(p), "", null));
        }
    }
}
