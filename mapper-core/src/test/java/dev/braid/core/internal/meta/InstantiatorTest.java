package dev.braid.core.internal.meta;

import dev.braid.mapping.MappingRegistry;
import dev.braid.mapping.spi.ColumnFields;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Objects made by a mapping: constructors of any visibility run with their field initializers. */
class InstantiatorTest {

    @Entity(table = "notes")
    private static final class Note {
        @Id Long id;
        String text;
        @dev.braid.annotation.Transient final List<String> tags = new ArrayList<>();
        int made;

        private Note() {
            made++;
        }
    }

    @Entity(table = "failing")
    static class Failing {
        @Id Long id;

        Failing() {
            throw new IllegalArgumentException("no failing rows today");
        }
    }

    record NoteView(@Id Long id, String text) {}

    record StrictView(@Id Long id, String text) {
        StrictView {
            if (text == null) throw new IllegalArgumentException("text is required");
        }
    }

    enum Mood { CALM, LOUD }

    @Entity(table = "readings")
    static class Reading {
        @Id private long id;
        private int count;
        private boolean ok;
        private double value;
        private short small;
        private Mood mood;
        private byte[] raw;
        private java.math.BigDecimal amount;
        private java.time.LocalDate day;

        private Reading() {}
    }

    static class BaseReading {
        @Id protected Long id;
    }

    @Entity(table = "derived")
    static class DerivedReading extends BaseReading {
        String label;
    }

    private static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Note.class).entity(Failing.class).entity(Reading.class).entity(DerivedReading.class)
                .define(dev.braid.mapping.EntityDefinition.of(NoteView.class).table("notes").id("id").column("text"))
                .define(dev.braid.mapping.EntityDefinition.of(StrictView.class).table("notes").id("id").column("text"))
                .build();
    }

    @Test
    void privateConstructorsOfPrivateClassesRunOncePerObjectWithTheirInitializers() {
        EntityMapping notes = registry().entity(Note.class);
        Note empty = (Note) notes.instantiate(new Object[]{null, null, 1});
        Note other = (Note) notes.instantiate(new Object[]{null, null, 1});
        assertThat(empty).isNotSameAs(other);
        assertThat(empty.tags).isEmpty();
        assertThat(empty.tags).isNotSameAs(other.tags);
        assertThat(empty.id).isNull();

        Note full = (Note) notes.instantiate(new Object[]{7L, "hello", 3});
        assertThat(full.id).isEqualTo(7L);
        assertThat(full.text).isEqualTo("hello");
        assertThat(full.made).isEqualTo(3);
        assertThat(full.tags).isEmpty();
    }

    @Test
    void aConstructorThatThrowsIsNamedWithItsCause() {
        EntityMapping failing = registry().entity(Failing.class);
        dev.braid.error.MapperException e = catchThrowableOfType(() -> failing.instantiate(new Object[]{1L}),
                dev.braid.error.MapperException.class);
        assertThat(e.code()).isEqualTo(dev.braid.error.ErrorCode.BRAID_INSTANTIATION);
        assertThat(e).hasMessageContaining("no-arg constructor of " + Failing.class.getName())
                .hasMessageContaining("Fix: make it succeed without arguments")
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("no failing rows today");
    }

    @Test
    void aRecordConstructorThatThrowsIsAnInstantiationErrorNamingTheRecord() {
        EntityMapping strict = registry().entity(StrictView.class);
        assertThat(strict.instantiate(new Object[]{1L, "x"})).isEqualTo(new StrictView(1L, "x"));
        assertThatThrownBy(() -> strict.instantiate(new Object[]{2L, null}))
                .isInstanceOfSatisfying(dev.braid.error.MapperException.class,
                        e -> assertThat(e.code()).isEqualTo(dev.braid.error.ErrorCode.BRAID_INSTANTIATION))
                .hasMessageContaining("canonical constructor of " + StrictView.class.getName())
                .hasMessageContaining("text is required")
                .hasMessageContaining("Fix:")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsAreMadeOnlyFromAllTheirValues() {
        EntityMapping view = registry().entity(NoteView.class);
        Object[] values = new Object[2];
        view.readColumns(new NoteView(2L, "y"), values);
        assertThat(values).containsExactly(2L, "y");
        assertThat(view.instantiate(new Object[]{1L, "x"})).isEqualTo(new NoteView(1L, "x"));
    }

    @Test
    void everyFieldTypeIsWrittenAndReadInOneCallThroughTheGeneratedClass() {
        EntityMapping readings = registry().entity(Reading.class);
        assertThat(readings.columns()).extracting(ColumnMapping::attribute)
                .containsExactly("id", "count", "ok", "value", "small", "mood", "raw", "amount", "day");
        byte[] raw = {1, 2};
        Object[] values = {5L, 3, true, 2.5, (short) 7, Mood.LOUD, raw, new java.math.BigDecimal("1.50"),
                java.time.LocalDate.of(2026, 12, 4)};
        Reading reading = (Reading) readings.instantiate(values);
        assertThat(reading.id).isEqualTo(5L);
        assertThat(reading.count).isEqualTo(3);
        assertThat(reading.ok).isTrue();
        assertThat(reading.value).isEqualTo(2.5);
        assertThat(reading.small).isEqualTo((short) 7);
        assertThat(reading.mood).isEqualTo(Mood.LOUD);
        assertThat(reading.raw).isSameAs(raw);
        assertThat(reading.amount).isEqualByComparingTo("1.50");
        assertThat(reading.day).isEqualTo(java.time.LocalDate.of(2026, 12, 4));

        reading.count = 4;
        Object[] read = new Object[values.length];
        readings.readColumns(reading, read);
        assertThat(read).containsExactly(5L, 4, true, 2.5, (short) 7, Mood.LOUD, raw, new java.math.BigDecimal("1.50"),
                java.time.LocalDate.of(2026, 12, 4));
        assertThat(readings.idOf(reading)).isEqualTo(5L); // the primitive id, boxed, through the generated class
        assertThat(readings.keyOrder().compare(reading, readings.instantiate(new Object[]{6L, 0, false, 0.0, (short) 0,
                null, null, null, null}))).isNegative();
        // The per-field path agrees with the generated one.
        for (int i = 0; i < read.length; i++) assertThat(readings.columns().get(i).get(reading)).isEqualTo(read[i]);
    }

    @Test
    void mappingsUseTheProcessorGeneratedAccessExceptForRecordsAndPrivateClasses() {
        MappingRegistry registry = registry();
        assertThat(registry.entity(Reading.class).columnFields()).isInstanceOf(InstantiatorTest_Reading_Fields.class);
        assertThat(registry.entity(DerivedReading.class).columnFields())
                .isInstanceOf(InstantiatorTest_DerivedReading_Fields.class); // inherited fields too
        assertThat(registry.entity(Note.class).columnFields()).isNull(); // private class: the processor skips it
        assertThat(registry.entity(NoteView.class).columnFields()).isNull(); // records: through the constructor
    }

    @Test
    void aValueOfAWiderTypeIsStillConvertedFieldByField() {
        // The generated write casts exactly; a caller's Integer for the long id goes the per-field way.
        Reading reading = (Reading) registry().entity(Reading.class).instantiate(
                new Object[]{5, 3, true, 2.5, (short) 7, null, null, null, null});
        assertThat(reading.id).isEqualTo(5L);
        assertThat(reading.count).isEqualTo(3);
    }

    @Test
    void nullForAPrimitiveFieldIsRefusedNamingTheField() {
        EntityMapping readings = registry().entity(Reading.class);
        Object[] values = {5L, null, true, 2.5, (short) 7, null, null, null, null};
        assertThatThrownBy(() -> readings.instantiate(values))
                .isInstanceOfSatisfying(dev.braid.error.MapperException.class,
                        e -> assertThat(e.code()).isEqualTo(dev.braid.error.ErrorCode.BRAID_CONVERSION))
                .hasMessageContaining("Reading.count is a primitive and cannot hold NULL");
    }

    @Test
    void inheritedFieldsAreWrittenAndReadThroughTheGeneratedClass() {
        EntityMapping derived = registry().entity(DerivedReading.class);
        DerivedReading made = (DerivedReading) derived.instantiate(new Object[]{9L, "nine"});
        assertThat(made.id).isEqualTo(9L);
        assertThat(made.label).isEqualTo("nine");
        Object[] read = new Object[2];
        derived.readColumns(made, read);
        assertThat(read).containsExactly(9L, "nine");
        assertThat(derived.idOf(made)).isEqualTo(9L);
    }

    @Test
    void theGeneratedClassReachesPrivateFieldsThroughVarHandlesAndListsWhatItWasGeneratedFor() {
        ColumnFields fields = new InstantiatorTest_Reading_Fields();
        assertThat(fields.attributes()).containsExactly("id", "count", "ok", "value", "small", "mood", "raw", "amount", "day");
        assertThat(fields.types()).containsExactly(long.class, int.class, boolean.class, double.class, short.class,
                Mood.class, byte[].class, java.math.BigDecimal.class, java.time.LocalDate.class);
        assertThat(fields.idAttribute()).isEqualTo("id");
        Reading reading = (Reading) registry().entity(Reading.class).instantiate(
                new Object[]{1L, 0, false, 0.0, (short) 0, null, null, null, null});
        fields.write(reading, new Object[]{42L, 1, true, 0.5, (short) 2, Mood.CALM, null, null, null});
        Object[] read = new Object[9];
        fields.read(reading, read);
        assertThat(read).containsExactly(42L, 1, true, 0.5, (short) 2, Mood.CALM, null, null, null);
        assertThat(reading.id).isEqualTo(42L);
        assertThat(fields.id(reading)).isEqualTo(42L);
    }
}
