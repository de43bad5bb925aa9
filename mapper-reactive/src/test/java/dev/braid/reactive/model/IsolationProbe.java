package dev.braid.reactive.model;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;

/**
 * One row, read through a session: the isolation level in force in that session's transaction. Mapped
 * to a view the test creates per database (H2: INFORMATION_SCHEMA.SESSIONS of SESSION_ID(); PostgreSQL:
 * current_setting('transaction_isolation')), so it shows what the database itself applies.
 */
@Entity(table = "braid_isolation")
public record IsolationProbe(@Id Long id, String level) {}
