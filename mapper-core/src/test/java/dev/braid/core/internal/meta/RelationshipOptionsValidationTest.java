package dev.braid.core.internal.meta;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.error.MapperException;
import dev.braid.error.MappingException;
import dev.braid.mapping.EntityDefinition;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Attribute;
import dev.braid.relation.RelatedList;
import dev.braid.relation.RelatedSet;
import dev.braid.relation.Reference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 18 item 7 at configure time and in memory: order, conditions, composite keys, view-only, sets. */
class RelationshipOptionsValidationTest {

    @Entity(table = "owners")
    static class Owner {
        @Id Long id;
        @OneToMany(backPopulates = "owner", orderBy = "rank DESC, name") final RelatedList<Pet> pets = RelatedList.of(this);
        @OneToMany(foreignKey = "ownerId", where = "alive = true AND rank >= 2 AND name IS NOT NULL", viewOnly = true)
        final RelatedList<Pet> liveOnes = RelatedList.of(this);
        @OneToMany(foreignKey = "ownerId", orderBy = "nope") final RelatedList<Pet> badOrder = RelatedList.of(this);
        @OneToMany(foreignKey = "ownerId", orderBy = "rank sideways") final RelatedList<Pet> unreadableOrder = RelatedList.of(this);
        @OneToMany(foreignKey = "ownerId", where = "alive = true") final RelatedList<Pet> notViewOnly = RelatedList.of(this);
        @OneToMany(foreignKey = "ownerId", where = "rank = 'high'", viewOnly = true) final RelatedList<Pet> wrongLiteral = RelatedList.of(this);
        @OneToMany(foreignKey = "ownerId", where = "alive = true OR rank = 1", viewOnly = true) final RelatedList<Pet> orCondition = RelatedList.of(this);
    }

    @Entity(table = "pets")
    static class Pet {
        @Id Long id;
        String name;
        int rank;
        boolean alive;
        @ForeignKey(entity = Owner.class) Long ownerId;
        @ManyToOne(backPopulates = "pets") final Reference<Owner> owner = Reference.of(this);
    }

    @Entity(table = "boxes")
    static class Box {
        @Id String zone;
        @Id Integer slot;
        @OneToMany final RelatedSet<Toy> toys = RelatedSet.of(this);
    }

    @Entity(table = "toys")
    static class Toy {
        @Id Long id;
        @ForeignKey(entity = Box.class, column = "zone") String boxZone;
        @ForeignKey(entity = Box.class, column = "slot") Integer boxSlot;
        @ManyToOne(foreignKeys = {"boxZone", "nope"}) final Reference<Box> badBox = Reference.of(this);
    }

    @Test
    void everyOptionProblemIsReportedWithItsAttributeAndFix() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .entity(Owner.class, Pet.class, Box.class, Toy.class).build());
        assertThat(error.messages()).anySatisfy(m -> assertThat(m).isEqualTo("Owner.badOrder refers to Pet.nope, which is"
                + " not a mapped attribute. Fix: use one of [id, name, rank, alive, ownerId]"));
        assertThat(error.messages()).anySatisfy(m -> assertThat(m).startsWith("Owner.unreadableOrder has orderBy ="
                + " \"rank sideways\", which cannot be read at 'rank sideways'. Fix: write attribute names"));
        assertThat(error.messages()).anySatisfy(m -> assertThat(m).startsWith("Owner.notViewOnly has an extra condition")
                .endsWith("Fix: declare it viewOnly"));
        assertThat(error.messages()).anySatisfy(m -> assertThat(m).startsWith("Owner.wrongLiteral has where = \"rank = 'high'\","
                + " which compares rank (Integer) with 'high', which is not a Integer literal"));
        assertThat(error.messages()).anySatisfy(m -> assertThat(m).startsWith("Owner.orCondition has where = \"alive = true"
                + " OR rank = 1\", which joins terms with 'OR' (only AND is allowed)"));
        assertThat(error.messages()).anySatisfy(m -> assertThat(m).startsWith("Toy.badBox names foreign key Toy.nope,"
                + " which is not a mapped attribute referencing boxes"));
        assertThat(error.messages()).noneSatisfy(m -> assertThat(m).startsWith("Owner.pets"));
        assertThat(error.messages()).noneSatisfy(m -> assertThat(m).startsWith("Owner.liveOnes"));
        assertThat(error.messages()).noneSatisfy(m -> assertThat(m).startsWith("Box.toys"));
    }

    @Entity(table = "owners")
    static class GoodOwner {
        @Id Long id;
        @OneToMany(backPopulates = "owner", orderBy = "rank DESC, name") final RelatedList<GoodPet> pets = RelatedList.of(this);
        @OneToMany(foreignKey = "ownerId", where = "alive = true AND name IS NOT NULL", viewOnly = true)
        final RelatedList<GoodPet> liveOnes = RelatedList.of(this);
    }

    @Entity(table = "pets")
    static class GoodPet {
        @Id Long id;
        String name;
        Integer rank;
        boolean alive;
        @ForeignKey(entity = GoodOwner.class) Long ownerId;
        @ManyToOne(backPopulates = "pets") final Reference<GoodOwner> owner = Reference.of(this);

        GoodPet() {}

        GoodPet(long id, String name, Integer rank) { this.id = id; this.name = name; this.rank = rank; }
    }

    @Test
    void theOrderIsResolvedAndSortsAsTheDatabaseWouldWithNullsHighOrLow() {
        MappingRegistry registry = MappingRegistry.builder().entity(GoodOwner.class, GoodPet.class).build();
        RelationshipMapping pets = registry.entity(GoodOwner.class).requireRelationship("pets");
        assertThat(pets.options().order()).extracting(k -> k.column().attribute() + (k.descending() ? " DESC" : ""))
                .containsExactly("rank DESC", "name");
        List<GoodPet> list = new ArrayList<>(Arrays.asList(new GoodPet(1, "b", 1), new GoodPet(2, "a", null),
                new GoodPet(3, "c", 3), new GoodPet(4, "a", 3)));
        list.sort(pets.memberOrder(true));
        assertThat(list).extracting(p -> p.id).containsExactly(2L, 4L, 3L, 1L); // NULL highest: first when DESC
        list.sort(pets.memberOrder(false));
        assertThat(list).extracting(p -> p.id).containsExactly(4L, 3L, 1L, 2L); // NULL lowest: last when DESC
        RelationshipMapping live = registry.entity(GoodOwner.class).requireRelationship("liveOnes");
        assertThat(live.viewOnly()).isTrue();
        assertThat(live.cascade()).isEmpty();
        assertThat(live.options().conditions()).extracting(c -> c.column().column() + " " + c.operator() + " " + c.value())
                .containsExactly("alive = true", "name IS NOT NULL null");
    }

    @Test
    void aViewOnlyCollectionRefusesWritesNamingItself() {
        GoodOwner owner = new GoodOwner();
        assertThatThrownBy(() -> owner.liveOnes.add(new GoodPet(1, "x", 1))).isInstanceOf(MapperException.class)
                .hasMessageContaining("GoodOwner.liveOnes is view-only");
    }

    static class Catalog { Long id; final RelatedSet<Entry> entries = RelatedSet.of(this); }

    static class Entry { Long id; Integer rank; Long catalogId; final Reference<Catalog> catalog = Reference.of(this); }

    @Test
    void theBuilderTakesATypedOrderAndConditionAndChecksThem() {
        MappingRegistry registry = MappingRegistry.builder()
                .define(EntityDefinition.of(Catalog.class).table("catalogs").id("id")
                        .oneToMany("entries", Entry.class, r -> r.backPopulates("catalog")
                                .orderBy(Attribute.comparable(Entry.class, "rank", Integer.class).desc())))
                .define(EntityDefinition.of(Entry.class).table("entries").id("id").column("rank")
                        .foreignKey("catalogId", Catalog.class)
                        .manyToOne("catalog", Catalog.class, r -> r.backPopulates("entries")))
                .build();
        assertThat(registry.entity(Catalog.class).requireRelationship("entries").options().order())
                .extracting(k -> k.column().column()).containsExactly("rank");
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .define(EntityDefinition.of(Catalog.class).table("catalogs").id("id")
                        .oneToMany("entries", Entry.class, r -> r.foreignKey("catalogId")
                                .where(Attribute.comparable(Entry.class, "rank", Integer.class).gt(1))))
                .define(EntityDefinition.of(Entry.class).table("entries").id("id").column("rank")
                        .foreignKey("catalogId", Catalog.class))
                .build());
        assertThat(error.messages()).containsExactly("Catalog.entries has an extra condition, so objects added to it"
                + " would not satisfy it by themselves. Fix: declare it viewOnly");
    }

    @Test
    void aSetHoldsEachObjectOnceInInsertionOrder() {
        Box box = new Box();
        Toy a = new Toy();
        Toy b = new Toy();
        assertThat(box.toys.add(b)).isTrue();
        assertThat(box.toys.add(a)).isTrue();
        assertThat(box.toys.add(b)).isFalse();
        assertThat(box.toys).containsExactly(b, a);
        box.toys.setAll(List.of(a, a, b));
        assertThat(box.toys).containsExactly(a, b);
        assertThat(box.toys.remove(a)).isTrue();
        assertThat(box.toys).containsExactly(b);
        assertThat(box.toys).isNotEqualTo(java.util.Set.of(b));
    }
}
