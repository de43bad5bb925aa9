package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.relation.Reference;

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
