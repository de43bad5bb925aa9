package dev.braid.reactive.assoc;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

@Entity(table = "groups")
public class Group {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String name;

    @OneToMany(backPopulates = "group")
    public final RelatedList<UserGroup> userGroups = RelatedList.of(this);

    protected Group() {}

    public Group(String name) { this.name = name; }
}
