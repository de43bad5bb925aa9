package dev.braid.benchmarks.model;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToMany;
import dev.braid.core.relation.RelatedList;

@Entity(table = "users")
public class User {
    @Id @Identity public Long id;
    @Column(unique = true) public String username;

    @ManyToMany(table = "user_group_association", column = "user_id", inverseColumn = "group_id")
    public final RelatedList<Group> groups = RelatedList.of(this);

    protected User() {}
}
