package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToMany;
import dev.braid.core.relation.RelatedList;

/** Seed 000's Group (table "groups": a keyword in H2, quoted there). */
@Entity(table = "groups")
public class Team {
    @Id @Identity public Long id;
    @Column(nullable = false, unique = true) public String name;

    @ManyToMany(table = "user_group_association", column = "group_id", inverseColumn = "user_id", backPopulates = "groups")
    public final RelatedList<Member> users = RelatedList.of(this);

    protected Team() {}

    public Team(String name) { this.name = name; }

    @Override
    public String toString() { return "Team(" + name + ")"; }
}
