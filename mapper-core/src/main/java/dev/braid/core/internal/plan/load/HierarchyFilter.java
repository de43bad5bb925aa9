package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.Hierarchy;
import dev.braid.core.internal.sql.SqlExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Queries over a class of an inheritance hierarchy: the rows of that class and its subclasses only
 * ({@code WHERE employees.type IN ($1, $2)}, the values bound), and every class of the hierarchy qualified by
 * the table's alias, so that {@code Engineer_.language} filters a query over {@code Engineer}. Plain
 * entities are left as they are.
 */
final class HierarchyFilter {
    private HierarchyFilter() {}

    /** Lets the attributes of every class of {@code mapping}'s hierarchy name {@code alias}. */
    static void qualify(Map<Class<?>, String> qualifiers, EntityMapping mapping, String alias) {
        Hierarchy hierarchy = mapping.hierarchy();
        if (hierarchy == null) return;
        for (Class<?> type : hierarchy.classes()) qualifiers.putIfAbsent(type, alias);
    }

    /** {@code where} and the discriminator condition of a query for {@code queried}; no condition for the base. */
    static SqlExpression and(SqlExpression where, EntityMapping root, Class<?> queried, String alias) {
        return and(where, condition(root, queried, alias));
    }

    /** {@code where} and {@code condition} (either may be null). */
    static SqlExpression and(SqlExpression where, SqlExpression condition) {
        if (condition == null) return where;
        return where == null ? condition : new SqlExpression.Junction(true, List.of(condition, where));
    }

    /** The discriminator condition of rows of {@code queried} and its subclasses, or null when every row is one. */
    static SqlExpression condition(EntityMapping root, Class<?> queried, String alias) {
        Hierarchy hierarchy = root.hierarchy();
        if (hierarchy == null || queried == hierarchy.base()) return null;
        List<String> values = hierarchy.valuesUnder(queried);
        SqlExpression.Column column = new SqlExpression.Column(alias, hierarchy.discriminatorColumn());
        if (values.size() == 1) {
            return new SqlExpression.Comparison(column, "=", new SqlExpression.Parameter(values.get(0), String.class));
        }
        return new SqlExpression.InList(column, new ArrayList<>(values), String.class);
    }
}
