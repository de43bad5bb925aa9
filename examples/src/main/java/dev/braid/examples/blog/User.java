package dev.braid.examples.blog;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/**
 * Seed 000's User: {@code posts = relationship("Post", back_populates="author", cascade="all, delete-orphan")}
 * and {@code groups = relationship("Group", secondary=user_group_association, back_populates="users")}.
 */
@Entity(table = "users")
public class User {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String username;

    @OneToMany(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Post> posts = RelatedList.of(this);

    @ManyToMany(table = "user_group_association", column = "user_id", inverseColumn = "group_id", backPopulates = "users")
    public final RelatedList<Group> groups = RelatedList.of(this);

    protected User() {}

    public User(String username) { this.username = username; }

    @Override
    public String toString() { return "User(" + username + ")"; }
}
