package dev.braid.reactive.model;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Version;

import java.math.BigDecimal;

/** Assigned string id, a unique column and an optimistic-lock version. */
@Entity(table = "accounts")
public class Account {
    @Id @Column(length = 20) String code;
    @Column(unique = true, nullable = false) String email;
    @Column(precision = 12, scale = 2) BigDecimal balance;
    @Version long version;

    public Account() {}

    public Account(String code, String email, BigDecimal balance) {
        this.code = code;
        this.email = email;
        this.balance = balance;
    }

    public String getCode() { return code; }

    public String getEmail() { return email; }

    public BigDecimal getBalance() { return balance; }

    public void setBalance(BigDecimal balance) { this.balance = balance; }

    public long getVersion() { return version; }
}
