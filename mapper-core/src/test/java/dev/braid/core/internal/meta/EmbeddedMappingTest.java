package dev.braid.core.internal.meta;

import dev.braid.annotation.Column;
import dev.braid.annotation.Embedded;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.ManyToOne;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.dialect.Dialect;
import dev.braid.error.MappingException;
import dev.braid.mapping.EntityDefinition;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Query;
import dev.braid.relation.Reference;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Embedded values in the mapping model and the planner, without a database. */
class EmbeddedMappingTest {

    record Place(String street, @Column(length = 30) String city, double lat) { }

    static class Note {
        String text;
        Note() { }
        Note(String text) { this.text = text; }
    }

    @Entity(table = "parcels")
    static class Parcel {
        @Id Long id;
        @Embedded(prefix = "to_") Place to;
        @Embedded(prefix = "") Note note;
        String label;
    }

    private final MappingRegistry registry = MappingRegistry.builder().entity(Parcel.class).build();
    private final EntityMapping parcels = registry.entity(Parcel.class);

    @Test
    void componentsAreColumnsOfTheOwnerNamedWithThePrefix() {
        assertThat(parcels.columns()).extracting(ColumnMapping::attribute)
                .containsExactly("id", "to.street", "to.city", "to.lat", "note.text", "label");
        assertThat(parcels.columns()).extracting(ColumnMapping::column)
                .containsExactly("id", "to_street", "to_city", "to_lat", "text", "label");
        assertThat(parcels.requireAttribute("to.city").length()).isEqualTo(30);
        // Null as a whole: every component column is nullable, the primitive one too.
        assertThat(parcels.columns().subList(1, 5)).allSatisfy(c -> assertThat(c.nullable()).isTrue());
        assertThat(parcels.requireAttribute("to.lat").qualifiedName()).isEqualTo("Parcel.to.lat");
    }

    @Test
    void allNullColumnsMakeANullValueAndAnyValueMakesARecord() {
        Parcel empty = (Parcel) parcels.instantiate(new Object[]{1L, null, null, null, null, "x"});
        assertThat(empty.to).isNull();
        assertThat(empty.note).isNull();
        Parcel some = (Parcel) parcels.instantiate(new Object[]{2L, null, "Oslo", null, "hi", "x"});
        assertThat(some.to).isEqualTo(new Place(null, "Oslo", 0d));
        assertThat(some.note.text).isEqualTo("hi");

        Object[] values = new Object[6];
        parcels.readColumns(some, values);
        assertThat(values).containsExactly(2L, null, "Oslo", 0d, "hi", "x");
        some.to = null;
        parcels.readColumns(some, values);
        assertThat(Arrays.asList(values).subList(1, 4)).containsOnlyNulls();
    }

    @Test
    void settingOneComponentCreatesOrReplacesTheValue() {
        Parcel p = (Parcel) parcels.instantiate(new Object[]{1L, null, null, null, null, null});
        parcels.requireAttribute("to.city").set(p, "Bergen");
        assertThat(p.to).isEqualTo(new Place(null, "Bergen", 0d));
        Place before = p.to;
        parcels.requireAttribute("to.street").set(p, "Bryggen");
        assertThat(p.to).isEqualTo(new Place("Bryggen", "Bergen", 0d)).isNotSameAs(before);
        parcels.requireAttribute("note.text").set(p, "x");
        parcels.requireAttribute("note.text").set(p, null);
        assertThat(p.note).as("a value left with every component null is null").isNull();
    }

    @Test
    void theDirtyCheckComparesComponentsSoAnEqualRecordIsNoChange() {
        Parcel p = (Parcel) parcels.instantiate(new Object[]{1L, "Bryggen", "Bergen", 1.5d, null, null});
        Object[] snapshot = parcels.readDatabaseValues(p);
        p.to = new Place("Bryggen", "Bergen", 1.5d);
        assertThat(parcels.readDatabaseValues(p)).containsExactly(snapshot);
        p.to = new Place("Bryggen", "Oslo", 1.5d);
        Object[] now = parcels.readDatabaseValues(p);
        assertThat(now[2]).isEqualTo("Oslo");
        assertThat(now[1]).isEqualTo(snapshot[1]);
    }

    @Test
    void filtersAndOrderingNameComponentColumns() {
        QueryPlanner pg = new QueryPlanner(registry, Dialect.postgresql());
        String select = "SELECT parcels.id, parcels.to_street, parcels.to_city, parcels.to_lat, parcels.text,"
                + " parcels.label FROM parcels";
        assertThat(pg.select(Query.from(Parcel.class).where(EmbeddedMappingTest_Parcel_.to.city.eq("Oslo"))
                .orderBy(EmbeddedMappingTest_Parcel_.to.lat.desc())).sql().sql())
                .isEqualTo(select + " WHERE parcels.to_city = $1 ORDER BY parcels.to_lat DESC");
        assertThat(pg.select(Query.from(Parcel.class).where(EmbeddedMappingTest_Parcel_.note.isNull())).sql().sql())
                .isEqualTo(select + " WHERE parcels.text IS NULL");
        assertThat(pg.select(Query.from(Parcel.class).where(EmbeddedMappingTest_Parcel_.to.isNotNull())).sql().sql())
                .isEqualTo(select + " WHERE parcels.to_street IS NOT NULL OR parcels.to_city IS NOT NULL"
                        + " OR parcels.to_lat IS NOT NULL");
        // Inside a conjunction the disjunction keeps its parentheses.
        assertThat(pg.select(Query.from(Parcel.class).where(EmbeddedMappingTest_Parcel_.to.isNotNull())
                .where(EmbeddedMappingTest_Parcel_.label.eq("x"))).sql().sql())
                .isEqualTo(select + " WHERE (parcels.to_street IS NOT NULL OR parcels.to_city IS NOT NULL"
                        + " OR parcels.to_lat IS NOT NULL) AND parcels.label = $1");
    }

    @Test
    void theBuilderMapsTheSameColumns() {
        MappingRegistry built = MappingRegistry.builder().define(EntityDefinition.of(Parcel.class)
                .id("id")
                .embedded("to", Place.class, e -> e.prefix("to_").column("city", c -> c.length(30).name("town")))
                .embedded("note", Note.class)).build();
        assertThat(built.entity(Parcel.class).columns()).extracting(ColumnMapping::column)
                .containsExactly("id", "to_town", "note_text");
    }

    // ----- configure-time errors -----

    static class NoDefaultConstructor {
        String value;
        NoDefaultConstructor(String value) { this.value = value; }
    }

    record Keyed(@Id Long id, String name) { }

    static class WithRelationship {
        String name;
        @ManyToOne final Reference<Parcel> parcel = Reference.of(this);
    }

    record Outer(String a, @Embedded Place inner) { }

    record Tagged(@ForeignKey(entity = Parcel.class) Long parcelId) { }

    @Entity(table = "broken")
    static class Broken {
        @Id Long id;
        @Embedded NoDefaultConstructor noCtor;
        @Embedded Keyed keyed;
        @Embedded WithRelationship related;
        @Embedded Outer outer;
        @Embedded Tagged tagged;
        @Embedded String notAValue;
        @Embedded(prefix = "") Place here;
        String city;
    }

    @Entity(table = "views")
    record View(@Id Long id, @Embedded Place place) { }

    @Test
    void problemsNameClassAttributeAndFix() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .entity(Parcel.class, Broken.class, View.class).build());
        assertThat(error.messages()).contains(
                "Broken.noCtor is embedded, but its type NoDefaultConstructor has no no-arg constructor, so Braid"
                        + " cannot create it from a row. Fix: add one to NoDefaultConstructor (it may be private), or make it a record",
                "Broken.keyed.id is an @Id inside embedded value Keyed: an embedded value is plain columns of its owner."
                        + " Fix: declare it on Broken itself, or remove the annotation",
                "Broken.related.parcel is a relationship inside embedded value WithRelationship: an embedded value is"
                        + " plain columns of its owner. Fix: declare it on Broken itself, or remove the annotation",
                "Broken.outer.inner is an @Embedded value inside embedded Broken.outer: nested embedded values are not"
                        + " supported. Fix: move its fields into Outer, or store it with a converter or as JSON (@Json)",
                "Broken.tagged.parcelId is a @ForeignKey inside embedded value Tagged: an embedded value is plain columns"
                        + " of its owner. Fix: declare it on Broken itself, or remove the annotation",
                "Broken.notAValue is embedded but has type java.lang.String, which is not a value type with fields."
                        + " Fix: embed a record or a concrete class with fields, or map notAValue as a plain column (remove @Embedded)",
                "Broken.here.city and Broken.city both map to column 'city' of table broken. Fix: give the @Embedded"
                        + " value another prefix (.prefix(...)) or one of them another @Column(name = ...)",
                "View.place is an embedded value on record View (a read-only view). Fix: map View as a class, or map"
                        + " the value's columns as record components");
        assertThat(error.messages()).hasSize(8);
    }

    @Test
    void theBuilderReportsUnknownValuesAndComponents() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .define(EntityDefinition.of(Parcel.class).id("id")
                        .embedded("too", Place.class)
                        .embedded("to", Place.class, e -> e.column("town")))
                .build());
        assertThat(error.messages()).containsExactly(
                "Parcel.too does not exist: Parcel has no field named 'too'. Fix: correct the attribute name of"
                        + " .embedded(...) in its EntityDefinition",
                "Parcel.to.town does not exist: Place has no persistent field named 'town'. Fix: name one of [street, city, lat]");
    }

    record Required(@Column(nullable = false) String code, String note) { }

    record Empty() { }

    @Entity(table = "strict")
    static class Strict {
        @Id Long id;
        @Embedded(nullable = false) Required required;
        @Embedded Required optional;
    }

    @Entity(table = "hollow")
    static class Hollow { @Id Long id; @Embedded Empty empty; }

    @Test
    void aValueThatIsNeverNullKeepsItsComponentsNullability() {
        EntityMapping strict = MappingRegistry.builder().entity(Strict.class).build().entity(Strict.class);
        assertThat(strict.requireAttribute("required.code").nullable()).isFalse();
        assertThat(strict.requireAttribute("required.note").nullable()).isTrue();
        assertThat(strict.requireAttribute("optional.code").nullable()).isTrue();
        EntityMapping built = MappingRegistry.builder().define(EntityDefinition.of(Strict.class).id("id")
                .embedded("required", Required.class, e -> e.notNull().column("code", c -> c.notNull()))).build()
                .entity(Strict.class);
        assertThat(built.requireAttribute("required.code").nullable()).isFalse();
    }

    @Test
    void aValueTypeWithoutFieldsIsReported() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .entity(Hollow.class).build());
        assertThat(error.messages()).containsExactly("Hollow.empty is embedded, but its type Empty has no persistent"
                + " fields. Fix: give it fields, or remove @Embedded");
    }
}
