package dev.braid.spring.autoconfigure.broken;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;

/** A broken entity: no {@code @Id}. */
@Entity(table = "no_id_entities")
public class NoIdEntity {
    @Column String name;

    protected NoIdEntity() {}
}
