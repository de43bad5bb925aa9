package dev.braid.reactive.graph;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.relation.RelatedList;

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
