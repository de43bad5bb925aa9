package dev.braid.reactive.joins;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.relation.Reference;

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
