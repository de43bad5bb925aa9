package dev.braid.reactive.joins;

import dev.braid.annotation.LoadStrategy;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** Issue 14 item 4: a JOINED default (fruits) and a SELECTIN default (notes). */
@Entity(table = "baskets")
public class Basket {
    @Id @Identity public Long id;
    @Column(nullable = false) public String label;

    @OneToMany(backPopulates = "basket", load = LoadStrategy.JOINED)
    public final RelatedList<Fruit> fruits = RelatedList.of(this);

    @OneToMany(backPopulates = "basket", load = LoadStrategy.SELECTIN)
    public final RelatedList<Note> notes = RelatedList.of(this);

    protected Basket() {}

    public Basket(String label) { this.label = label; }
}
