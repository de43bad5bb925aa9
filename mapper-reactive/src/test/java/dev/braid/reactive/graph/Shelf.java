package dev.braid.reactive.graph;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.LoadStrategy;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.WriteOnlyCollection;

/** A collection too large to load: write-only. */
@Entity(table = "shelves")
public class Shelf {
    @Id @Identity public Long id;
    public String name;

    @OneToMany(backPopulates = "shelf", load = LoadStrategy.WRITE_ONLY, cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final WriteOnlyCollection<Item> items = WriteOnlyCollection.of(this);

    protected Shelf() {}

    public Shelf(String name) { this.name = name; }
}
