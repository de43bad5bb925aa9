package dev.braid.spring.transaction.app;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

/** A payment of a wallet. */
@Entity(table = "payments")
public class Payment {
    @Id @Identity public Long id;
    public int amount;
    @ForeignKey(entity = Wallet.class) public Long walletId;

    protected Payment() {}

    public Payment(int amount) { this.amount = amount; }
}
