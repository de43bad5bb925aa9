package dev.braid.reactive.conduit;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** A Conduit user: writes articles and comments, favorites articles. */
@Entity(table = "users")
public class User {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true, length = 40) public String username;

    @OneToMany(backPopulates = "author")
    public final RelatedList<Article> articles = RelatedList.of(this);

    @ManyToMany(table = "favorites", column = "user_id", inverseColumn = "article_id", backPopulates = "favoritedBy")
    public final RelatedList<Article> favorites = RelatedList.of(this);

    protected User() {}

    public User(String username) { this.username = username; }

    @Override
    public String toString() { return "User(" + username + ")"; }
}
