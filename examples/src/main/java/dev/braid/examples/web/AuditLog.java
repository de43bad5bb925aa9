package dev.braid.examples.web;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The audit trail, written with Spring's {@link DatabaseClient} (plain SQL on a table Braid does not map,
 * created by {@code schema.sql}, or {@code schema-mariadb.sql} with the {@code mariadb} profile). Called from {@link LibraryService}'s {@code @Transactional} methods, it runs
 * on the same connection and in the same transaction as Braid's session: it sees the rows Braid flushed, and
 * its row commits or rolls back with them.
 */
@Repository
public class AuditLog {
    private final DatabaseClient db;

    public AuditLog(DatabaseClient db) {
        this.db = db;
    }

    /** One row: what happened ({@code "author created"}) to which row ({@code "authors"}, its id). */
    public Mono<Void> record(String action, String table, long id) {
        return db.sql("INSERT INTO audit_log (action, table_name, row_id) VALUES (:action, :table, :id)")
                .bind("action", action)
                .bind("table", table)
                .bind("id", id)
                .fetch().rowsUpdated()
                .then();
    }
}
