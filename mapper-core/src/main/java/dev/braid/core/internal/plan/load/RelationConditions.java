package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.meta.RelationshipOptions;
import dev.braid.core.internal.sql.SqlExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a relationship's further column pairs (a composite foreign key) and of its extra condition
 * on the target (a view-only relationship's {@code where}), with every value bound; and the selectin
 * match of composite keys, one {@code (a = $1 AND b = $2) OR ...} per chunk, as no dialect can bind an
 * array of rows.
 */
final class RelationConditions {
    private RelationConditions() {}

    /** {@code target.x = owner.y} for each further pair of a composite foreign key (none for one column). */
    static List<SqlExpression> extraPairs(RelationshipMapping r, String targetAlias, String ownerAlias) {
        List<RelationshipOptions.ColumnPair> pairs = r.options().extraPairs();
        if (pairs.isEmpty()) return List.of();
        List<SqlExpression> out = new ArrayList<>(pairs.size());
        for (RelationshipOptions.ColumnPair p : pairs) {
            out.add(RelationJoins.eq(targetAlias, p.remote().column(), ownerAlias, p.local().column()));
        }
        return out;
    }

    /** The extra condition on the target's row at {@code targetAlias}, values bound. */
    static List<SqlExpression> onTarget(RelationshipMapping r, String targetAlias) {
        List<RelationshipOptions.Condition> conditions = r.options().conditions();
        if (conditions.isEmpty()) return List.of();
        List<SqlExpression> out = new ArrayList<>(conditions.size());
        for (RelationshipOptions.Condition c : conditions) {
            SqlExpression.Column column = new SqlExpression.Column(targetAlias, c.column().column());
            out.add(c.nullCheck() ? new SqlExpression.NullCheck(column, c.operator().contains("NOT"))
                    : new SqlExpression.Comparison(column, c.operator(),
                    new SqlExpression.Parameter(c.value(), c.column().type().databaseClass())));
        }
        return out;
    }

    /** The remote columns of a composite relationship, in pair order (the target's side of the key). */
    static List<ColumnMapping> remoteColumns(RelationshipMapping r) {
        List<ColumnMapping> out = new ArrayList<>();
        out.add(r.remoteColumn());
        for (RelationshipOptions.ColumnPair p : r.options().extraPairs()) out.add(p.remote());
        return out;
    }

    /** {@code (a = $1 AND b = $2) OR (a = $3 AND b = $4) ...}: the targets of composite {@code keys} (lists). */
    static SqlExpression compositeMatch(RelationshipMapping r, String alias, List<Object> keys) {
        List<ColumnMapping> columns = remoteColumns(r);
        List<SqlExpression> rows = new ArrayList<>(keys.size());
        for (Object key : keys) {
            List<?> parts = (List<?>) key;
            List<SqlExpression> terms = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                ColumnMapping c = columns.get(i);
                terms.add(new SqlExpression.Comparison(new SqlExpression.Column(alias, c.column()), "=",
                        new SqlExpression.Parameter(parts.get(i), c.type().databaseClass())));
            }
            rows.add(new SqlExpression.Junction(true, terms));
        }
        return rows.size() == 1 ? rows.get(0) : new SqlExpression.Junction(false, rows);
    }

    /** {@code where AND more...}, dropping a null {@code where}. */
    static SqlExpression and(SqlExpression where, List<SqlExpression> more) {
        if (more.isEmpty()) return where;
        List<SqlExpression> all = new ArrayList<>();
        if (where != null) all.add(where);
        all.addAll(more);
        return all.size() == 1 ? all.get(0) : new SqlExpression.Junction(true, all);
    }
}
