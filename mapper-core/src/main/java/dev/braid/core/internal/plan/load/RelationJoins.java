package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.meta.RelationshipOptions;
import dev.braid.core.internal.sql.OrderTerm;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;

import java.util.ArrayList;
import java.util.List;

/** The JOIN clauses that walk one relationship from an owner alias to a new target alias. */
final class RelationJoins {
    private RelationJoins() {}

    /** Joins from {@code ownerAlias} to {@code targetAlias} (and through the link table for many-to-many). */
    static List<SqlStatement.Join> joins(RelationshipMapping r, String ownerAlias, String targetAlias,
                                         Aliases aliases, boolean leftOuter) {
        List<SqlStatement.Join> joins = new ArrayList<>(2);
        if (r.link() != null) {
            String link = aliases.next(r.link().table());
            joins.add(new SqlStatement.Join(new TableRef(r.link().table(), alias(r.link().table(), link)),
                    eq(link, r.link().ownerColumn(), ownerAlias, r.localColumn().column()), leftOuter));
            joins.add(new SqlStatement.Join(new TableRef(r.target().table(), alias(r.target().table(), targetAlias)),
                    eq(targetAlias, r.remoteColumn().column(), link, r.link().targetColumn()), leftOuter));
        } else {
            // The key pair, then a composite key's further pairs and a view-only relationship's condition.
            SqlExpression on = RelationConditions.and(eq(targetAlias, r.remoteColumn().column(), ownerAlias,
                    r.localColumn().column()), RelationConditions.extraPairs(r, targetAlias, ownerAlias));
            on = RelationConditions.and(on, RelationConditions.onTarget(r, targetAlias));
            joins.add(new SqlStatement.Join(new TableRef(r.target().table(), alias(r.target().table(), targetAlias)),
                    on, leftOuter));
        }
        return joins;
    }

    /**
     * The ORDER BY terms of a JOINED collection's members at {@code alias}: its {@code orderBy}, then
     * the target's key (which also keeps each owner's members together with their owner).
     */
    static List<OrderTerm> memberOrder(RelationshipMapping r, String alias) {
        List<OrderTerm> order = new ArrayList<>();
        for (RelationshipOptions.SortKey key : r.options().order()) {
            order.add(new OrderTerm(new SqlExpression.Column(alias, key.column().column()), key.descending()));
        }
        for (ColumnMapping id : r.target().idColumns()) {
            SqlExpression.Column column = new SqlExpression.Column(alias, id.column());
            if (order.stream().noneMatch(o -> o.expression().equals(column))) order.add(new OrderTerm(column, false));
        }
        return order;
    }

    /** The condition tying a related row (at {@code targetAlias}) to its owner row (at {@code ownerAlias}). */
    static SqlExpression.Comparison eq(String leftAlias, String leftColumn, String rightAlias, String rightColumn) {
        return new SqlExpression.Comparison(new SqlExpression.Column(leftAlias, leftColumn), "=",
                new SqlExpression.Column(rightAlias, rightColumn));
    }

    /** No alias when it equals the table name: {@code JOIN books ON ...} reads better than {@code JOIN books books}. */
    static String alias(String table, String alias) {
        return table.equals(alias) ? null : alias;
    }
}
