package dev.braid.reactive.graph;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

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
