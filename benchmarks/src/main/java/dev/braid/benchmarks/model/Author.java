package dev.braid.benchmarks.model;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

@Entity(table = "authors")
public class Author {
    @Id @Identity public Long id;
    @Column(length = 100) public String name;

    @OneToMany(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Book> books = RelatedList.of(this);

    protected Author() {}

    public Author(String name) { this.name = name; }
}
