/**
 * Braid's mapping model and planners: the annotations and the fluent builder users map entities with,
 * typed queries, relationship wrappers, errors and the dialect SPI are exported; everything else
 * (configure step, SQL model and renderers, the built-in dialects, planners, hydration, identity map)
 * is internal and exported only to Braid's reactive module. Pure: no Reactor, no R2DBC, no I/O.
 *
 * <p>Braid reads and writes the fields of mapped classes: a named application module opens its
 * entity packages to this module ({@code opens com.example.model to dev.braid.core;}).
 */
module dev.braid.core {
    requires static transitive org.jspecify; // @Nullable appears in exported signatures
    requires static com.fasterxml.jackson.databind; // optional: JacksonJsonCodec, for JSON columns

    exports dev.braid.annotation;
    exports dev.braid.dialect;
    exports dev.braid.error;
    exports dev.braid.mapping;
    exports dev.braid.mapping.spi;
    exports dev.braid.query;
    exports dev.braid.relation;
    exports dev.braid.statement;
    exports dev.braid.core.internal.dialect.h2 to dev.braid.reactive;
    exports dev.braid.core.internal.dialect.postgresql to dev.braid.reactive;
    exports dev.braid.core.internal.hydrate to dev.braid.reactive;
    exports dev.braid.core.internal.identity to dev.braid.reactive;
    exports dev.braid.core.internal.meta to dev.braid.reactive;
    exports dev.braid.core.internal.plan.flush to dev.braid.reactive;
    exports dev.braid.core.internal.plan.load to dev.braid.reactive;
    exports dev.braid.core.internal.plan.merge to dev.braid.reactive;
    exports dev.braid.core.internal.plan.raw to dev.braid.reactive;
    exports dev.braid.core.internal.plan.schema to dev.braid.reactive;
    exports dev.braid.core.internal.plan.upsert to dev.braid.reactive;
    exports dev.braid.core.internal.relation to dev.braid.reactive;
    exports dev.braid.core.internal.sql to dev.braid.reactive;
    exports dev.braid.core.internal.util to dev.braid.reactive;

    uses dev.braid.dialect.Dialect;
    provides dev.braid.dialect.Dialect with
            dev.braid.core.internal.dialect.h2.H2Dialect,
            dev.braid.core.internal.dialect.postgresql.PostgresDialect,
            dev.braid.core.internal.dialect.mariadb.MariaDbDialect,
            dev.braid.core.internal.dialect.postgresql.CockroachDialect,
            dev.braid.core.internal.dialect.postgresql.YugabyteDialect;
}
