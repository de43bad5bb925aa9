package dev.braid.reactive.assoc;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** Seed 000's association-object User. */
@Entity(table = "users")
public class User {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String username;

    @OneToMany(backPopulates = "user")
    public final RelatedList<UserGroup> userGroups = RelatedList.of(this);

    protected User() {}

    public User(String username) { this.username = username; }
}
