/**
 * Braid on R2DBC and Project Reactor: {@code Mapper}, {@code Session}, {@code Select}, {@code Schema},
 * transactions and the execution-listener SPI are exported from {@code dev.braid.reactive}; the
 * executors, loaders and flush execution are internal.
 */
module dev.braid.reactive {
    requires transitive dev.braid.core;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires transitive r2dbc.spi;
    requires org.slf4j;
    requires java.sql; // SQLException causes inside driver errors (no JDBC is used)
    requires static transitive org.jspecify; // @Nullable appears in exported signatures

    exports dev.braid.reactive;
}
