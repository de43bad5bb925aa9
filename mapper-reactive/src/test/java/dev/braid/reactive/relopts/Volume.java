package dev.braid.reactive.relopts;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

@Entity(table = "ro_volumes")
public class Volume {
    @Id @Identity public Long id;
    public String title;
    public boolean active;
    @ForeignKey(entity = Library.class) public Long libraryId;

    @ManyToOne(backPopulates = "volumes")
    public final Reference<Library> library = Reference.of(this);

    protected Volume() {}

    public Volume(String title, boolean active) {
        this.title = title;
        this.active = active;
    }

    @Override
    public String toString() { return title; }
}
