package dev.braid.reactive.embedded;

import dev.braid.annotation.Embedded;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** Two embedded addresses: one with an explicit prefix, one with the default ({@code bill_to_}). */
@Entity(table = "orders")
public class Order {
    @Id @Identity public Long id;
    public String reference;
    @Embedded(prefix = "ship_") public Address shipTo;
    @Embedded public Address billTo;
    @ForeignKey(entity = Customer.class) public Long customerId;

    @ManyToOne(backPopulates = "orders")
    public final Reference<Customer> customer = Reference.of(this);

    protected Order() {}

    public Order(String reference, Address shipTo, Address billTo) {
        this.reference = reference;
        this.shipTo = shipTo;
        this.billTo = billTo;
    }
}
