package dev.braid.reactive.keys;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.SequenceKey;
import dev.braid.relation.Reference;

/** Keys from the table's default sequence ({@code invoice_lines_seq}), 10 per round trip. */
@Entity(table = "invoice_lines")
public class InvoiceLine {
    @Id @SequenceKey(allocationSize = 10) public Long id;
    @ForeignKey(entity = Invoice.class) @Column(nullable = false) public Long invoiceId;
    public Integer quantity;

    @ManyToOne(backPopulates = "lines")
    public final Reference<Invoice> invoice = Reference.of(this);

    protected InvoiceLine() {}

    public InvoiceLine(int quantity) { this.quantity = quantity; }
}
