package dev.braid.reactive.keys;

import dev.braid.annotation.Column;
import dev.braid.annotation.CreatedAt;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.GeneratedUuid;
import dev.braid.annotation.Id;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.UuidVersion;
import dev.braid.relation.Reference;

import java.time.LocalDateTime;
import java.util.UUID;

@Entity(table = "ticket_notes")
public class TicketNote {
    @Id @GeneratedUuid(UuidVersion.V4) public UUID id;
    @ForeignKey(entity = Ticket.class) @Column(nullable = false) public UUID ticketId;
    @Column(length = 100) public String text;
    @CreatedAt public LocalDateTime writtenAt;

    @ManyToOne(backPopulates = "notes")
    public final Reference<Ticket> ticket = Reference.of(this);

    protected TicketNote() {}

    public TicketNote(String text) { this.text = text; }
}
