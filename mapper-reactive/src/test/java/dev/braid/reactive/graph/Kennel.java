package dev.braid.reactive.graph;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;

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
