package dev.braid.reactive;

import reactor.core.publisher.Mono;

import java.util.List;

/** DDL generated from the mapping, like SQLAlchemy's {@code metadata.create_all}. */
public interface Schema {

    /**
     * Creates every table, constraint and foreign-key index, referenced tables first, in one transaction
     * on a connection of its own (on PostgreSQL a failure leaves no half-built schema; H2 commits each DDL
     * statement).
     *
     * @return completes when every statement ran; errors with a {@code DatabaseException} when one exists
     */
    Mono<Void> createAll();

    /**
     * Creates only what does not exist yet ({@code IF NOT EXISTS}, or the dialect's guard); existing
     * tables are not altered.
     *
     * @return completes when every statement ran
     */
    Mono<Void> createMissing();

    /**
     * Drops every mapped table that exists, referencing tables first.
     *
     * @return completes when every statement ran
     */
    Mono<Void> dropAll();

    /**
     * The CREATE statements, for a migration tool (Flyway, Liquibase) instead of running them.
     *
     * @return the statements in the order {@link #createAll()} runs them, without a final {@code ;}
     */
    List<String> createStatements();

    /**
     * The DROP statements.
     *
     * @return the statements in the order {@link #dropAll()} runs them
     */
    List<String> dropStatements();

    /**
     * The CREATE statements as one script, each ending in {@code ;}.
     *
     * @return the script
     */
    String createScript();
}
