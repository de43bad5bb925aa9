package dev.braid.reactive.graph;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;

@Entity(table = "books")
public class Novel {
    @Id @Identity public Long id;
    @Column(length = 300, nullable = false) public String title;
    @ForeignKey(entity = Writer.class) @Column(nullable = false) public Long authorId;

    @ManyToOne(backPopulates = "books")
    public final Reference<Writer> author = Reference.of(this);

    @OneToMany(backPopulates = "book")
    public final RelatedList<Review> reviews = RelatedList.of(this);

    @dev.braid.annotation.ManyToMany(table = "book_tags", column = "book_id", inverseColumn = "tag_id",
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
