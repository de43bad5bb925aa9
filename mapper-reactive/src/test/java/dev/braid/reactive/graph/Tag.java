package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToMany;
import dev.braid.core.relation.RelatedList;

@Entity(table = "tags")
public class Tag {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String label;

    @ManyToMany(table = "book_tags", column = "tag_id", inverseColumn = "book_id", backPopulates = "tags")
    public final RelatedList<Novel> books = RelatedList.of(this);

    protected Tag() {}

    public Tag(String label) { this.label = label; }
}
