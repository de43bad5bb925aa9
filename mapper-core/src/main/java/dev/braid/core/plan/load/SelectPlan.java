package dev.braid.core.plan.load;

import dev.braid.core.meta.EntityMapping;
import dev.braid.core.sql.RenderedSql;

import java.util.Objects;

/**
 * A rendered SELECT and how to turn its rows into entities: each row holds the entity's columns in
 * the mapping's column order, starting at column 0.
 */
public record SelectPlan(RenderedSql sql, EntityMapping entity) {
    public SelectPlan {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(entity, "entity");
    }
}
