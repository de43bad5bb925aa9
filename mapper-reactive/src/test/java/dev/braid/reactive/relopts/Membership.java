package dev.braid.reactive.relopts;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** The association object: a link row with its own column (SQLAlchemy's Association with extra_data). */
@Entity(table = "ro_memberships")
public class Membership {
    @Id @ForeignKey(entity = Club.class) public Long clubId;
    @Id @ForeignKey(entity = Person.class) public Long personId;
    @Column(length = 20) public String role;

    @ManyToOne(backPopulates = "memberships")
    public final Reference<Club> club = Reference.of(this);

    @ManyToOne
    public final Reference<Person> person = Reference.of(this);

    protected Membership() {}

    public Membership(Person person, String role) {
        this.person.set(person);
        this.role = role;
    }
}
