package dev.braid.reactive.conduit;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.LoadStrategy;
import dev.braid.annotation.ManyToMany;
import dev.braid.relation.RelatedList;

/** A tag of articles. */
@Entity(table = "tags")
public class Tag {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true, length = 40) public String name;

    // Loaded with every Tag read (a mapping default), so a projection selecting tags loads it too.
    @ManyToMany(table = "article_tags", column = "tag_id", inverseColumn = "article_id", backPopulates = "tags",
            load = LoadStrategy.SELECTIN)
    public final RelatedList<Article> articles = RelatedList.of(this);

    protected Tag() {}

    public Tag(String name) { this.name = name; }

    @Override
    public String toString() { return "Tag(" + name + ")"; }
}
