package dev.braid.core.internal.plan.load;

import dev.braid.annotation.LoadStrategy;
import dev.braid.mapping.MappingRegistry;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.Reference;
import dev.braid.relation.RelatedList;
import dev.braid.relation.WriteOnlyCollection;

/** Entities for the session-level planning tests: shelves with write-only items, clubs with write-only members. */
final class SessionPlanModel {
    private SessionPlanModel() {}

    static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Shelf.class, Item.class, Club.class, Person.class).build();
    }

    @Entity(table = "shelves")
    static class Shelf {
        @Id @Identity Long id;
        String name;
        @OneToMany(backPopulates = "shelf", load = LoadStrategy.WRITE_ONLY)
        final WriteOnlyCollection<Item> items = WriteOnlyCollection.of(this);

        Shelf() {}
    }

    @Entity(table = "items")
    static class Item {
        @Id @Identity Long id;
        String label;
        @ForeignKey(entity = Shelf.class) @Column(nullable = false) Long shelfId;
        @ManyToOne(backPopulates = "items") final Reference<Shelf> shelf = Reference.of(this);

        Item() {}
    }

    @Entity(table = "clubs")
    static class Club {
        @Id @Identity Long id;
        String name;
        @ManyToMany(table = "club_people", column = "club_id", inverseColumn = "person_id", backPopulates = "clubs",
                load = LoadStrategy.WRITE_ONLY)
        final WriteOnlyCollection<Person> members = WriteOnlyCollection.of(this);

        Club() {}
    }

    @Entity(table = "people")
    static class Person {
        @Id @Identity Long id;
        String name;
        @ManyToMany(table = "club_people", column = "person_id", inverseColumn = "club_id", backPopulates = "members")
        final RelatedList<Club> clubs = RelatedList.of(this);

        Person() {}
    }
}
