package dev.braid.reactive.graph;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToOne;
import dev.braid.relation.Reference;

@Entity(table = "passports")
public class Passport {
    @Id @Identity public Long id;
    public String number;
    @ForeignKey(entity = Person.class) @Column(unique = true) public Long personId;

    @OneToOne(foreignKey = "personId", backPopulates = "passport")
    public final Reference<Person> holder = Reference.of(this);

    protected Passport() {}

    public Passport(String number) { this.number = number; }
}
