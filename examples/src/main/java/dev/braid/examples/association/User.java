package dev.braid.examples.association;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.RelatedList;

/** Seed 000's association-object variant: {@code user_groups = relationship("UserGroup", back_populates="user")}. */
@Entity(table = "users")
public class User {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String username;

    @OneToMany(backPopulates = "user")
    public final RelatedList<UserGroup> userGroups = RelatedList.of(this);

    protected User() {}

    public User(String username) { this.username = username; }
}
