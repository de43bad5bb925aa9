package dev.braid.core.plan.load;

import dev.braid.core.meta.LoadStrategy;
import dev.braid.core.meta.MappingRegistry;
import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToMany;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.Reference;
import dev.braid.core.relation.RelatedList;
import dev.braid.core.relation.WriteOnlyCollection;

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
