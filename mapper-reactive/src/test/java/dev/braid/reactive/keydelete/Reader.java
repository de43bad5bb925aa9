package dev.braid.reactive.keydelete;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.relation.RelatedList;

@Entity(table = "readers")
public class Reader {
    @Id @Identity public Long id;
    @Column(nullable = false) public String name;

    @ManyToMany(table = "author_fans", column = "reader_id", inverseColumn = "author_id", backPopulates = "fans")
    public final RelatedList<Author> favorites = RelatedList.of(this);

    protected Reader() {}

    public Reader(String name) { this.name = name; }
}
