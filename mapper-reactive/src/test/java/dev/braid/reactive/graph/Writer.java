package dev.braid.reactive.graph;

import dev.braid.core.meta.Cascade;
import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.RelatedList;

/** Seed 002's Author: books kept in sync with Novel.author; deleting a writer deletes their novels. */
@Entity(table = "authors")
public class Writer {
    @Id @Identity public Long id;
    @Column(length = 100, nullable = false) public String name;

    @OneToMany(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Novel> books = RelatedList.of(this);

    protected Writer() {}

    public Writer(String name) { this.name = name; }

    @Override
    public String toString() { return "Writer(" + id + ", " + name + ")"; }
}
