package dev.braid.spring.transaction.app;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

/** Written in a transaction of its own ({@code REQUIRES_NEW}): it stays when the caller's transaction fails. */
@Entity(table = "audit_entries")
public class AuditEntry {
    @Id @Identity public Long id;
    @Column(length = 200, nullable = false) public String message;

    protected AuditEntry() {}

    public AuditEntry(String message) { this.message = message; }
}
