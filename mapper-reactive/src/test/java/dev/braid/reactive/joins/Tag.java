package dev.braid.reactive.joins;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToMany;
import dev.braid.core.relation.RelatedList;

/** A tag of articles. */
@Entity(table = "tags")
public class Tag {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String name;

    @ManyToMany(table = "article_tags", column = "tag_id", inverseColumn = "article_id", backPopulates = "tags")
    public final RelatedList<Article> articles = RelatedList.of(this);

    protected Tag() {}

    public Tag(String name) { this.name = name; }

    @Override
    public String toString() { return "Tag(" + name + ")"; }
}
