package dev.braid.reactive.time;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A row with both time types that have no codec in r2dbc-mariadb: written and filtered through raw SQL. */
@Entity(table = "meetings")
public class Meeting {
    @Id @Identity public Long id;
    public String title;
    public OffsetDateTime startsAt;
    public Instant endsAt;

    protected Meeting() {}

    public Meeting(String title, OffsetDateTime startsAt, Instant endsAt) {
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }
}
