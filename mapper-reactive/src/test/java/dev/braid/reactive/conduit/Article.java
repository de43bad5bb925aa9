package dev.braid.reactive.conduit;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.Reference;
import dev.braid.relation.RelatedList;

/** A Conduit article: an author, tags, comments, and the users who favorited it. */
@Entity(table = "articles")
public class Article {
    @Id @Identity public Long id;
    @Column(nullable = false, length = 80) public String title;
    public int readMinutes;
    @Column(nullable = false) public Status status = Status.PUBLISHED;
    @ForeignKey(entity = User.class) @Column(nullable = false) public Long authorId;

    @ManyToOne(backPopulates = "articles")
    public final Reference<User> author = Reference.of(this);

    @ManyToMany(table = "favorites", column = "article_id", inverseColumn = "user_id", backPopulates = "favorites")
    public final RelatedList<User> favoritedBy = RelatedList.of(this);

    @ManyToMany(table = "article_tags", column = "article_id", inverseColumn = "tag_id", backPopulates = "articles")
    public final RelatedList<Tag> tags = RelatedList.of(this);

    @OneToMany(backPopulates = "article")
    public final RelatedList<Comment> comments = RelatedList.of(this);

    protected Article() {}

    public Article(String title, int readMinutes, User author) {
        this.title = title;
        this.readMinutes = readMinutes;
        this.author.set(author);
    }

    @Override
    public String toString() { return "Article(" + title + ")"; }
}
