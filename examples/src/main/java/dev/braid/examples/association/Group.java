package dev.braid.examples.association;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** {@code user_groups = relationship("UserGroup", back_populates="group")}. */
@Entity(table = "groups")
public class Group {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String name;

    @OneToMany(backPopulates = "group")
    public final RelatedList<UserGroup> userGroups = RelatedList.of(this);

    protected Group() {}

    public Group(String name) { this.name = name; }
}
