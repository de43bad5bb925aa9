package dev.braid.reactive.graph;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.relation.RelatedList;

@Entity(table = "tags")
public class Tag {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String label;

    @ManyToMany(table = "book_tags", column = "tag_id", inverseColumn = "book_id", backPopulates = "tags")
    public final RelatedList<Novel> books = RelatedList.of(this);

    protected Tag() {}

    public Tag(String label) { this.label = label; }
}
