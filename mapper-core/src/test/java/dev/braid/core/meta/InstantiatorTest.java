package dev.braid.core.meta;

import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Objects made by a mapping: constructors of any visibility run with their field initializers. */
class InstantiatorTest {

    @Entity(table = "notes")
    private static final class Note {
        @Id Long id;
        String text;
        @dev.braid.core.meta.annotation.Transient final List<String> tags = new ArrayList<>();
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

    private static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Note.class).entity(Failing.class)
                .define(dev.braid.core.meta.define.EntityDefinition.of(NoteView.class).table("notes").id("id").column("text"))
                .build();
    }

    @Test
    void privateConstructorsOfPrivateClassesRunOncePerObjectWithTheirInitializers() {
        EntityMapping notes = registry().entity(Note.class);
        Note empty = (Note) notes.instantiateEmpty();
        Note other = (Note) notes.instantiateEmpty();
        assertThat(empty).isNotSameAs(other);
        assertThat(empty.made).isEqualTo(1);
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
        IllegalStateException e = catchThrowableOfType(failing::instantiateEmpty, IllegalStateException.class);
        assertThat(e).hasMessageContaining("no-arg constructor of " + Failing.class.getName())
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("no failing rows today");
    }

    @Test
    void recordsAreMadeOnlyFromAllTheirValues() {
        EntityMapping view = registry().entity(NoteView.class);
        assertThat(view.instantiateEmpty()).isNull();
        assertThat(view.instantiate(new Object[]{1L, "x"})).isEqualTo(new NoteView(1L, "x"));
    }
}
