package dev.braid.reactive.relopts;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

/** A child referencing its shipment through two foreign-key columns. */
@Entity(table = "ro_parcels")
public class Parcel {
    @Id @Identity public Long id;
    public int weight;
    @ForeignKey(entity = Shipment.class, column = "region") public String shipmentRegion;
    @ForeignKey(entity = Shipment.class, column = "number") public Integer shipmentNumber;

    @ManyToOne(backPopulates = "parcels", foreignKeys = {"shipmentRegion", "shipmentNumber"})
    public final Reference<Shipment> shipment = Reference.of(this);

    protected Parcel() {}

    public Parcel(int weight) { this.weight = weight; }

    @Override
    public String toString() { return weight + "kg"; }
}
