package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.RelatedList;
import dev.braid.core.relation.Reference;

@Entity(table = "books")
public class Novel {
    @Id @Identity public Long id;
    @Column(length = 300, nullable = false) public String title;
    @ForeignKey(entity = Writer.class) @Column(nullable = false) public Long authorId;

    @ManyToOne(backPopulates = "books")
    public final Reference<Writer> author = Reference.of(this);

    @OneToMany(backPopulates = "book")
    public final RelatedList<Review> reviews = RelatedList.of(this);

    @dev.braid.core.meta.annotation.ManyToMany(table = "book_tags", column = "book_id", inverseColumn = "tag_id",
            backPopulates = "books")
    public final RelatedList<Tag> tags = RelatedList.of(this);

    protected Novel() {}

    public Novel(String title) { this.title = title; }

    public Novel(String title, Writer author) {
        this.title = title;
        this.author.set(author);
    }

    @Override
    public String toString() { return "Novel(" + id + ", " + title + ")"; }
}
