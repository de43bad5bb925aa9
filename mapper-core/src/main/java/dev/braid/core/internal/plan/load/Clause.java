package dev.braid.core.internal.plan.load;

/** Where an expression appears, which decides whether aggregates may appear in it. */
enum Clause {
    SELECT("select", true, ""),
    WHERE("where", false, "filter groups with having(...)"),
    ON("a join condition", false, "filter groups with having(...), or aggregate in a subquery"),
    GROUP_BY("groupBy", false, "group by the attributes it aggregates"),
    HAVING("having", true, ""),
    ORDER_BY("orderBy", true, ""),
    /** The order of an entity query: one row per entity, no groups. */
    ENTITY_ORDER("orderBy of an entity query", false,
            "order by a scalar subquery (Functions.scalar), or select the aggregate in a projection");

    final String text;
    final boolean aggregates;
    final String fix;

    Clause(String text, boolean aggregates, String fix) {
        this.text = text;
        this.aggregates = aggregates;
        this.fix = fix;
    }
}
