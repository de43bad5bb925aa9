package dev.braid.reactive.graph;

import dev.braid.core.meta.Cascade;
import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.RelatedList;

/** Kennel.dogs: no delete cascade, and a NOT NULL key. Farm.cows: left to ON DELETE CASCADE. */
public final class Kennel {
    private Kennel() {}

    @Entity(table = "kennels")
    public static class Home {
        @Id @Identity public Long id;
        public String name;
        @OneToMany(foreignKey = "homeId") public final RelatedList<Dog> dogs = RelatedList.of(this);

        protected Home() {}

        public Home(String name) { this.name = name; }
    }

    @Entity(table = "dogs")
    public static class Dog {
        @Id @Identity public Long id;
        public String name;
        @ForeignKey(entity = Home.class) @Column(nullable = false) public Long homeId;

        protected Dog() {}

        public Dog(String name, Long homeId) {
            this.name = name;
            this.homeId = homeId;
        }
    }

    @Entity(table = "farms")
    public static class Farm {
        @Id @Identity public Long id;
        public String name;
        @OneToMany(foreignKey = "farmId", cascade = Cascade.ALL, passiveDeletes = true)
        public final RelatedList<Cow> cows = RelatedList.of(this);

        protected Farm() {}

        public Farm(String name) { this.name = name; }
    }

    @Entity(table = "cows")
    public static class Cow {
        @Id @Identity public Long id;
        public String name;
        @ForeignKey(entity = Farm.class) @Column(nullable = false) public Long farmId;

        protected Cow() {}

        public Cow(String name, Long farmId) {
            this.name = name;
            this.farmId = farmId;
        }
    }
}
