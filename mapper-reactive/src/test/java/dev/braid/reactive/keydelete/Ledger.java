package dev.braid.reactive.keydelete;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Version;

/** Versioned: deleteByKeys refuses it (no version to check). */
@Entity(table = "ledgers")
public class Ledger {
    @Id @Identity public Long id;
    @Column(nullable = false) public String name;
    @Version public long version;

    protected Ledger() {}

    public Ledger(String name) { this.name = name; }
}
