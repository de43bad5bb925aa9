package dev.braid.reactive.graph;

import dev.braid.core.meta.Cascade;
import dev.braid.core.meta.LoadStrategy;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.WriteOnlyCollection;

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
