package dev.braid.reactive.inherit;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;

/** A second level: an Engineer, with the default discriminator value "principal". */
@Entity
public class Principal extends Engineer {
    @Column(length = 30) public String area;

    protected Principal() {}

    public Principal(String name, String language, String area) {
        super(name, language);
        this.area = area;
    }
}
