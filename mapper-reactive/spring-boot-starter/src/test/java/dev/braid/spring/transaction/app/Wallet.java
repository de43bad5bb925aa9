package dev.braid.spring.transaction.app;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** A wallet with its payments (cascaded), written by the test application's services. */
@Entity(table = "wallets")
public class Wallet {
    @Id @Identity public Long id;
    @Column(length = 50, nullable = false) public String owner;
    public int balance;

    @OneToMany(foreignKey = "walletId", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Payment> payments = RelatedList.of(this);

    protected Wallet() {}

    public Wallet(String owner) { this.owner = owner; }
}
