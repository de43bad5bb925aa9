package dev.braid.benchmarks.model;

import dev.braid.core.meta.Cascade;
import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.RelatedList;

@Entity(table = "authors")
public class Author {
    @Id @Identity public Long id;
    @Column(length = 100) public String name;

    @OneToMany(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Book> books = RelatedList.of(this);

    protected Author() {}

    public Author(String name) { this.name = name; }
}
