package dev.braid.reactive;

import reactor.core.publisher.Mono;

import java.util.List;

/** DDL generated from the mapping, like SQLAlchemy's {@code metadata.create_all}. */
public interface Schema {

    /** Creates every table, constraint and foreign-key index, referenced tables first. Fails if one exists. */
    Mono<Void> createAll();

    /** Creates only what does not exist yet ({@code IF NOT EXISTS}); existing tables are not altered. */
    Mono<Void> createMissing();

    /** Drops every mapped table that exists, referencing tables first. */
    Mono<Void> dropAll();

    /** The CREATE statements, for a migration tool (Flyway, Liquibase) instead of running them. */
    List<String> createStatements();

    /** The DROP statements. */
    List<String> dropStatements();

    /** The CREATE statements as one script, each ending in {@code ;}. */
    String createScript();
}
