package dev.braid.reactive.keys;

import dev.braid.annotation.AfterLoad;
import dev.braid.annotation.BeforeDelete;
import dev.braid.annotation.BeforeInsert;
import dev.braid.annotation.BeforeUpdate;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Transient;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.ArrayList;
import java.util.List;

/** Lifecycle methods on the entity: audit columns from the Reactor context. */
@Entity(table = "audited")
public class Audited {
    @Id @Identity public Long id;
    @Column(length = 50, nullable = false) public String name;
    @Column(length = 20) public String createdBy;
    @Column(length = 20) public String updatedBy;
    @Transient public List<String> calls = new ArrayList<>();

    protected Audited() {}

    public Audited(String name) { this.name = name; }

    @BeforeInsert
    Mono<Void> stampCreator(ContextView context) {
        return Mono.fromRunnable(() -> {
            calls.add("beforeInsert");
            createdBy = context.getOrDefault("user", "nobody");
        });
    }

    @BeforeUpdate
    void stampUpdater(ContextView context) {
        calls.add("beforeUpdate");
        updatedBy = context.getOrDefault("user", "nobody");
    }

    @BeforeDelete
    void deleting() { calls.add("beforeDelete"); }

    @AfterLoad
    void loaded() { calls.add("afterLoad"); }
}
