package dev.braid.core.internal.plan.load;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Aggregate;
import dev.braid.query.Attribute;
import dev.braid.query.CommonTable;
import dev.braid.query.EntitySelection;
import dev.braid.query.Expression;
import dev.braid.query.Labeled;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Selection;

/**
 * What SQL requires of a grouped projection, checked before anything is sent so the error names the
 * selection and the fix: {@code having} needs {@code groupBy}; once a query groups or aggregates, every
 * selected column (attribute, entity, common-table column) is grouped (a grouped entity groups its
 * attributes) or aggregated. Expressions the database judges better (subqueries, predicates) are left to it.
 */
final class GroupingRules {
    private GroupingRules() {}

    static void check(ProjectionQuery<?> query) {
        boolean grouped = !query.groupBy().isEmpty();
        if (query.having() != null && !grouped) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "having(" + query.having() + ") without groupBy(...):"
                    + " having filters groups. Fix: add groupBy(...) naming the grouped attributes, or filter rows"
                    + " with where(...)");
        }
        boolean aggregated = grouped || query.selections().stream()
                .anyMatch(s -> s instanceof Expression<?> e && aggregated(e))
                || query.orderBy().stream().anyMatch(o -> aggregated(o.expression()));
        if (!aggregated) return;
        for (Selection<?> s : query.selections()) {
            if (needsGrouping(s) && !isGrouped(query, s)) {
                throw new MapperException(ErrorCode.BRAID_QUERY, query + " selects " + s + ", which is neither"
                        + " grouped nor aggregated" + (grouped ? " (groupBy " + query.groupBy() + ")" : " while it"
                        + " aggregates the rows") + ". Fix: add " + s + " to groupBy(...), or aggregate it (min, max, count)");
            }
        }
    }

    /** An aggregate, labeled or not. */
    static boolean aggregated(Expression<?> e) {
        return e instanceof Aggregate<?> || (e instanceof Labeled<?> l && l.expression() instanceof Aggregate<?>);
    }

    private static boolean needsGrouping(Selection<?> s) {
        Selection<?> inner = s instanceof Labeled<?> l ? l.expression() : s;
        return inner instanceof Attribute<?, ?> || inner instanceof EntitySelection<?>
                || inner instanceof CommonTable.Column<?> || inner instanceof CommonTable.Depth;
    }

    private static boolean isGrouped(ProjectionQuery<?> query, Selection<?> s) {
        Selection<?> inner = s instanceof Labeled<?> l ? l.expression() : s;
        for (Selection<?> g : query.groupBy()) {
            Selection<?> term = g instanceof Labeled<?> l ? l.expression() : g;
            if (term.equals(inner)) return true;
            if (term instanceof EntitySelection<?> e && inner instanceof Attribute<?, ?> a
                    && a.entityType().equals(e.entityType())) return true;
        }
        return false;
    }
}
