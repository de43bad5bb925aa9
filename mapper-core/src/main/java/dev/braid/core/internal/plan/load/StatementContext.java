package dev.braid.core.internal.plan.load;

import dev.braid.mapping.MappingRegistry;

/**
 * What the translation of one statement shares across its subqueries: the mapping, and the common
 * tables it uses (all rendered in the statement's one {@code WITH}); null tables where a statement
 * cannot carry a {@code WITH} (an entity query's filter).
 */
record StatementContext(MappingRegistry registry, CommonTables tables) {

    /** For entity queries: no common tables. */
    static StatementContext of(MappingRegistry registry) {
        return new StatementContext(registry, null);
    }
}
