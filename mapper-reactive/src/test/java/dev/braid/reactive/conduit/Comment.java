package dev.braid.reactive.conduit;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** A comment on an article, by a user. */
@Entity(table = "comments")
public class Comment {
    @Id @Identity public Long id;
    @Column(nullable = false, length = 200) public String body;
    @ForeignKey(entity = Article.class) @Column(nullable = false) public Long articleId;
    @ForeignKey(entity = User.class) @Column(nullable = false) public Long authorId;

    @ManyToOne(backPopulates = "comments")
    public final Reference<Article> article = Reference.of(this);

    @ManyToOne(foreignKey = "authorId")
    public final Reference<User> author = Reference.of(this);

    protected Comment() {}

    public Comment(String body, Article article, User author) {
        this.body = body;
        this.article.set(article);
        this.author.set(author);
    }
}
