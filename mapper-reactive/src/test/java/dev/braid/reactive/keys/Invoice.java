package dev.braid.reactive.keys;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.OneToMany;
import dev.braid.annotation.SequenceKey;
import dev.braid.relation.RelatedList;

/** Keys from a sequence, 50 per round trip. */
@Entity(table = "invoices")
public class Invoice {
    @Id @SequenceKey(name = "invoice_seq", allocationSize = 50) public Long id;
    @Column(length = 20, nullable = false) public String number;

    @OneToMany(backPopulates = "invoice", cascade = Cascade.ALL)
    public final RelatedList<InvoiceLine> lines = RelatedList.of(this);

    protected Invoice() {}

    public Invoice(String number) { this.number = number; }
}
