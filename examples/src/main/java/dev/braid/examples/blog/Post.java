package dev.braid.examples.blog;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** Seed 000's Post: {@code user_id = Column(Integer, ForeignKey('users.id'), nullable=False)}, {@code author}. */
@Entity(table = "posts")
public class Post {
    @Id @Identity public Long id;
    public String title;
    public String content;
    @ForeignKey(entity = User.class) @Column(nullable = false) public Long userId;

    @ManyToOne(backPopulates = "posts")
    public final Reference<User> author = Reference.of(this);

    protected Post() {}

    public Post(String title, String content) {
        this.title = title;
        this.content = content;
    }

    @Override
    public String toString() { return "Post(" + title + ")"; }
}
