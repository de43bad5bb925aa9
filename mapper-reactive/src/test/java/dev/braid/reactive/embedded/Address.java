package dev.braid.reactive.embedded;

import dev.braid.annotation.Column;

/** A value object: embedded as columns of its owner's table. */
public record Address(String street, @Column(length = 40) String city, @Column(name = "postcode") String zip) {
}
