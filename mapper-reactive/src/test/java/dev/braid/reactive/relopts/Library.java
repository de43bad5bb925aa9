package dev.braid.reactive.relopts;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** A library whose volumes load newest title first, and a view-only collection of its active volumes. */
@Entity(table = "ro_libraries")
public class Library {
    @Id @Identity public Long id;
    public String name;

    @OneToMany(backPopulates = "library", orderBy = "title DESC, id", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Volume> volumes = RelatedList.of(this);

    @OneToMany(foreignKey = "libraryId", where = "active = true", viewOnly = true, orderBy = "title")
    public final RelatedList<Volume> activeVolumes = RelatedList.of(this);

    protected Library() {}

    public Library(String name) { this.name = name; }
}
