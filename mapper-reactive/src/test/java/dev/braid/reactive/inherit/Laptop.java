package dev.braid.reactive.inherit;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** Another entity's many-to-one to a subclass ({@link Engineer}) of a hierarchy. */
@Entity(table = "laptops")
public class Laptop {
    @Id @Identity public Long id;
    @Column(length = 30) public String model;
    @ForeignKey(entity = Engineer.class) public Long ownerId;

    @ManyToOne(foreignKey = "ownerId")
    public final Reference<Engineer> owner = Reference.of(this);

    @ForeignKey(entity = Staff.class) public Long issuedById;

    /** A many-to-one to the base class: any class of the hierarchy. */
    @ManyToOne(foreignKey = "issuedById")
    public final Reference<Staff> issuedBy = Reference.of(this);

    protected Laptop() {}

    public Laptop(String model, Engineer owner, Staff issuedBy) {
        this.model = model;
        this.owner.set(owner);
        this.issuedBy.set(issuedBy);
    }
}
