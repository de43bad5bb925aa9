package dev.braid.reactive.embedded;

import dev.braid.annotation.EnumStorage;
import dev.braid.annotation.Enumerated;

/** A mutable embedded class: no-arg constructor and fields, an enum stored by ordinal, a primitive. */
public class Contact {
    public String email;
    @Enumerated(EnumStorage.ORDINAL) public Channel channel;
    public int attempts;

    protected Contact() {}

    public Contact(String email, Channel channel, int attempts) {
        this.email = email;
        this.channel = channel;
        this.attempts = attempts;
    }

    /** How a customer wants to be reached. */
    public enum Channel { MAIL, PHONE }
}
