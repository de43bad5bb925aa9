package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.OneToOne;
import dev.braid.core.relation.Reference;

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
