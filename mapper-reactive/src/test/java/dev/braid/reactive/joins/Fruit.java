package dev.braid.reactive.joins;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** A basket's fruit (loaded JOINED by default with its basket). */
@Entity(table = "fruits")
public class Fruit {
    @Id @Identity public Long id;
    @Column(nullable = false) public String name;
    @ForeignKey(entity = Basket.class) public Long basketId;

    @ManyToOne(backPopulates = "fruits")
    public final Reference<Basket> basket = Reference.of(this);

    protected Fruit() {}

    public Fruit(String name) { this.name = name; }
}
