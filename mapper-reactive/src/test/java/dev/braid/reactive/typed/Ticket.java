package dev.braid.reactive.typed;

import dev.braid.annotation.Column;
import dev.braid.annotation.Convert;
import dev.braid.annotation.Entity;
import dev.braid.annotation.EnumStorage;
import dev.braid.annotation.Enumerated;
import dev.braid.annotation.Id;

/** Converters and every enum storage, by annotations. */
@Entity(table = "tickets")
public class Ticket {
    @Id public long id;
    @Convert(MoneyConverter.class) @Column(precision = 12, scale = 2) public Money price;
    public Mood byName;
    @Enumerated(EnumStorage.ORDINAL) public Mood byOrdinal;
    @Enumerated(value = EnumStorage.NATIVE, typeName = "ticket_mood") public Mood mood;
    public Priority priority; // the registry's converter: one-letter codes

    public Ticket() {}

    public Ticket(long id, Money price, Mood mood, Priority priority) {
        this.id = id;
        this.price = price;
        this.byName = mood;
        this.byOrdinal = mood;
        this.mood = mood;
        this.priority = priority;
    }
}
