package dev.braid.reactive.relopts;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

/** A parent with a composite primary key (region, number). */
@Entity(table = "ro_shipments")
public class Shipment {
    @Id public String region;
    @Id public Integer number;
    public String carrier;

    @OneToMany(backPopulates = "shipment", orderBy = "weight", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Parcel> parcels = RelatedList.of(this);

    protected Shipment() {}

    public Shipment(String region, int number, String carrier) {
        this.region = region;
        this.number = number;
        this.carrier = carrier;
    }
}
