package dev.braid.reactive.embedded;

/** Mapped with the fluent builder ({@link EmbeddedModels#registry}): no annotations. */
public class Shipment {
    public Long id;
    public Address destination;
    public double weight;

    protected Shipment() {}

    public Shipment(Long id, Address destination, double weight) {
        this.id = id;
        this.destination = destination;
        this.weight = weight;
    }
}
