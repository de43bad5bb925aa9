package dev.braid.reactive.embedded;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Embedded;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** Owns orders; its own contact details are an embedded mutable class. */
@Entity(table = "customers")
public class Customer {
    @Id @Identity public Long id;
    public String name;
    @Embedded(prefix = "") public Contact contact;

    @OneToMany(backPopulates = "customer", cascade = Cascade.ALL)
    public final RelatedList<Order> orders = RelatedList.of(this);

    protected Customer() {}

    public Customer(String name, Contact contact) {
        this.name = name;
        this.contact = contact;
    }
}
