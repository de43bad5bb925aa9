package dev.braid.reactive.keys;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.ClientDefault;
import dev.braid.annotation.Column;
import dev.braid.annotation.CreatedAt;
import dev.braid.annotation.Entity;
import dev.braid.annotation.GeneratedUuid;
import dev.braid.annotation.Id;
import dev.braid.annotation.OneToMany;
import dev.braid.annotation.ServerDefault;
import dev.braid.annotation.UpdatedAt;
import dev.braid.annotation.UuidVersion;
import dev.braid.relation.RelatedList;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A UUID v7 key, timestamps, a client default, server defaults, children keyed by UUID v4. */
@Entity(table = "tickets")
public class Ticket {
    static final AtomicInteger CODES = new AtomicInteger();

    @Id @GeneratedUuid(UuidVersion.V7) public UUID id;
    @Column(length = 100, nullable = false) public String title;
    @ClientDefault(method = "newCode") @Column(length = 20) public String code;
    @ServerDefault("'open'") @Column(length = 20) public String status;
    @ServerDefault(ServerDefault.CURRENT_TIMESTAMP) public Instant openedOn;
    @CreatedAt public Instant createdAt;
    @UpdatedAt public OffsetDateTime updatedAt;
    @Column(length = 20) public String createdBy;

    @OneToMany(backPopulates = "ticket", cascade = Cascade.ALL)
    public final RelatedList<TicketNote> notes = RelatedList.of(this);

    protected Ticket() {}

    public Ticket(String title) { this.title = title; }

    static String newCode() { return "T-" + CODES.incrementAndGet(); }

    @Override
    public String toString() { return "Ticket(" + id + ", " + title + ")"; }
}
