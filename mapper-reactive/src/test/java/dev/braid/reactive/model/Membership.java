package dev.braid.reactive.model;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;

import java.time.LocalDateTime;

/** Composite primary key (seed 000's association object, without relationships yet). */
@Entity(table = "memberships")
public class Membership {
    @Id @ForeignKey(entity = Author.class) Long authorId;
    @Id Long clubId;
    LocalDateTime joinedOn;

    public Membership() {}

    public Membership(Long authorId, Long clubId, LocalDateTime joinedOn) {
        this.authorId = authorId;
        this.clubId = clubId;
        this.joinedOn = joinedOn;
    }

    public LocalDateTime getJoinedOn() { return joinedOn; }
}
