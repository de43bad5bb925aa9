package dev.braid.reactive.inherit;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** A company whose staff is a mix of the classes of {@link Staff}'s hierarchy. */
@Entity(table = "firms")
public class Firm {
    @Id @Identity public Long id;
    @Column(length = 50) public String name;

    @OneToMany(backPopulates = "firm", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Staff> staff = RelatedList.of(this);

    protected Firm() {}

    public Firm(String name) { this.name = name; }

    @Override
    public String toString() { return "Firm(" + id + ", " + name + ")"; }
}
