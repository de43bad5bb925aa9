package dev.braid.reactive.graph;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

@Entity(table = "items")
public class Item {
    @Id @Identity public Long id;
    public String label;
    @ForeignKey(entity = Shelf.class) @Column(nullable = false) public Long shelfId;

    @ManyToOne(backPopulates = "items")
    public final Reference<Shelf> shelf = Reference.of(this);

    protected Item() {}

    public Item(String label) { this.label = label; }
}
