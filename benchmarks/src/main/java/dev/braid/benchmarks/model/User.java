package dev.braid.benchmarks.model;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.relation.RelatedList;

@Entity(table = "users")
public class User {
    @Id @Identity public Long id;
    @Column(unique = true) public String username;

    @ManyToMany(table = "user_group_association", column = "user_id", inverseColumn = "group_id")
    public final RelatedList<Group> groups = RelatedList.of(this);

    protected User() {}
}
