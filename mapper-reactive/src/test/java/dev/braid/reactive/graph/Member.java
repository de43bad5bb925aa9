package dev.braid.reactive.graph;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** Seed 000's User: posts (all, delete-orphan) and groups through a link table with no entity class. */
@Entity(table = "users")
public class Member {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String username;

    @OneToMany(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Post> posts = RelatedList.of(this);

    @ManyToMany(table = "user_group_association", column = "user_id", inverseColumn = "group_id", backPopulates = "users")
    public final RelatedList<Team> groups = RelatedList.of(this);

    @OneToMany(backPopulates = "sender")
    public final RelatedList<Message> sent = RelatedList.of(this);

    @OneToMany(backPopulates = "recipient")
    public final RelatedList<Message> received = RelatedList.of(this);

    protected Member() {}

    public Member(String username) { this.username = username; }

    @Override
    public String toString() { return "Member(" + username + ")"; }
}
