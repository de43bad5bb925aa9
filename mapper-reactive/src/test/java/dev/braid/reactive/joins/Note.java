package dev.braid.reactive.joins;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** A basket's note (loaded SELECTIN by default with its basket). */
@Entity(table = "notes")
public class Note {
    @Id @Identity public Long id;
    @Column(nullable = false) public String body;
    @ForeignKey(entity = Basket.class) public Long basketId;

    @ManyToOne(backPopulates = "notes")
    public final Reference<Basket> basket = Reference.of(this);

    protected Note() {}

    public Note(String body) { this.body = body; }
}
