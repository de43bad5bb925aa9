package dev.braid.reactive.relopts;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.AssociationProxy;
import dev.braid.relation.RelatedList;

/** The association-object pattern with a proxy: club.people is a live view through club.memberships. */
@Entity(table = "ro_clubs")
public class Club {
    @Id @Identity public Long id;
    public String name;

    @OneToMany(backPopulates = "club", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Membership> memberships = RelatedList.of(this);

    public final AssociationProxy<Membership, Person> people =
            AssociationProxy.of(memberships, m -> m.person.get(), person -> new Membership(person, "member"));

    protected Club() {}

    public Club(String name) { this.name = name; }
}
