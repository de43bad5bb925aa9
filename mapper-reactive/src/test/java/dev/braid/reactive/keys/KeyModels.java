package dev.braid.reactive.keys;

import dev.braid.annotation.UuidVersion;
import dev.braid.mapping.EntityDefinition;
import dev.braid.mapping.MappingRegistry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The model of the keys, defaults, timestamps and lifecycle contracts. */
public final class KeyModels {
    private KeyModels() {}

    public static MappingRegistry registry() {
        return MappingRegistry.builder()
                .entity(Ticket.class, TicketNote.class, Invoice.class, InvoiceLine.class, Audited.class)
                .define(EntityDefinition.of(Memo.class).table("memos")
                        .uuid("id", UuidVersion.V4)
                        .column("body", c -> c.length(100))
                        .column("priority", c -> c.clientDefault(() -> 3))
                        .column("label", c -> c.length(10).serverDefault("'memo'"))
                        .column("writtenAt", c -> c.createdAt())
                        .column("touchedAt", c -> c.updatedAt()))
                .build();
    }

    /** A class mapped with the builder. */
    public static final class Memo {
        public java.util.UUID id;
        public String body;
        public Integer priority;
        public String label;
        public Instant writtenAt;
        public java.time.LocalDateTime touchedAt;

        Memo() {}

        public Memo(String body) { this.body = body; }
    }

    /** A clock the test moves. */
    public static final class TestClock extends Clock {
        private volatile Instant now;

        public TestClock(Instant start) { this.now = start; }

        public void set(Instant instant) { this.now = instant; }

        @Override
        public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }

        @Override
        public Instant instant() { return now; }
    }
}
