package dev.braid.examples.blog;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.relation.RelatedList;

/**
 * Seed 000's Group. The link table user_group_association has no class: Braid creates it from the two
 * {@code @ManyToMany} declarations and writes its rows when either collection changes.
 */
@Entity(table = "groups")
public class Group {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String name;

    @ManyToMany(table = "user_group_association", column = "group_id", inverseColumn = "user_id", backPopulates = "groups")
    public final RelatedList<User> users = RelatedList.of(this);

    protected Group() {}

    public Group(String name) { this.name = name; }

    @Override
    public String toString() { return "Group(" + name + ")"; }
}
