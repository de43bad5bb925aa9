package dev.braid.reactive.relopts;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.relation.RelatedSet;

@Entity(table = "ro_labels")
public class Label {
    @Id @Identity public Long id;
    public String name;

    @ManyToMany(table = "ro_reader_labels", column = "label_id", inverseColumn = "reader_id", backPopulates = "labels")
    public final RelatedSet<Reader> readers = RelatedSet.of(this);

    protected Label() {}

    public Label(String name) { this.name = name; }

    @Override
    public String toString() { return name; }
}
