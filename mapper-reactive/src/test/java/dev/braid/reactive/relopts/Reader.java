package dev.braid.reactive.relopts;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.LoadStrategy;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedSet;
import dev.braid.relation.WriteOnlyCollection;

/** Set collections (many-to-many and one-to-many, ordered) and a write-only many-to-many with no reverse. */
@Entity(table = "ro_readers")
public class Reader {
    @Id @Identity public Long id;
    public String name;

    @ManyToMany(table = "ro_reader_labels", column = "reader_id", inverseColumn = "label_id", backPopulates = "readers",
            orderBy = "name")
    public final RelatedSet<Label> labels = RelatedSet.of(this);

    @OneToMany(backPopulates = "reader", orderBy = "page DESC", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedSet<Bookmark> bookmarks = RelatedSet.of(this);

    @ManyToMany(table = "ro_reader_follows", column = "reader_id", inverseColumn = "label_id", load = LoadStrategy.WRITE_ONLY)
    public final WriteOnlyCollection<Label> followed = WriteOnlyCollection.of(this);

    protected Reader() {}

    public Reader(String name) { this.name = name; }

    @Override
    public String toString() { return name; }
}
