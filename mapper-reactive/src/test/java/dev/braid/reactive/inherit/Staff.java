package dev.braid.reactive.inherit;

import dev.braid.annotation.Column;
import dev.braid.annotation.DiscriminatorColumn;
import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Inheritance;
import dev.braid.annotation.InheritanceStrategy;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** The concrete base of a single-table hierarchy: Staff, Engineer, Manager, Principal in table "staff". */
@Entity(table = "staff")
@Inheritance(strategy = InheritanceStrategy.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
@DiscriminatorValue("staff")
public class Staff {
    @Id @Identity public Long id;
    @Column(length = 50, nullable = false) public String name;
    @ForeignKey(entity = Firm.class) public Long firmId;

    @ManyToOne(backPopulates = "staff")
    public final Reference<Firm> firm = Reference.of(this);

    protected Staff() {}

    public Staff(String name) { this.name = name; }

    @Override
    public String toString() { return getClass().getSimpleName() + "(" + id + ", " + name + ")"; }
}
