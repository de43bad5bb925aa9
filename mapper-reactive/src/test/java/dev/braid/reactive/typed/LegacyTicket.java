package dev.braid.reactive.typed;

/** The same storage options through the fluent builder (see TypedModels). */
public class LegacyTicket {
    public long id;
    public Money price;
    public Mood ordinal;
    public Mood mood;

    public LegacyTicket() {}

    public LegacyTicket(long id, Money price, Mood mood) {
        this.id = id;
        this.price = price;
        this.ordinal = mood;
        this.mood = mood;
    }
}
