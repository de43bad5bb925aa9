package dev.braid.core.internal.meta;

import dev.braid.mapping.MappingRegistry;
import dev.braid.mapping.spi.ColumnFields;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.mapping.EntityDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mapping uses the accessor the processor generated for its entity when its columns are the ones it was
 * generated for, and method handles field by field otherwise; both give the same objects and values.
 */
class GeneratedColumnFieldsTest {

    @Entity(table = "gadgets")
    static class Gadget {
        @Id Long id;
        private String name;
        int quantity;
    }

    /** The same shape without {@code @Entity}: the processor generates nothing for it. */
    static class PlainGadget {
        Long id;
        private String name;
        int quantity;
    }

    /** Has a class of its accessor's name that is no {@link ColumnFields} (below). */
    static class Widget {
        Long id;
    }

    /** Its "generated" accessor (below) cannot be initialized, as when a field it reaches is gone. */
    static class Stale {
        Long id;
    }

    @Test
    void theGeneratedAccessorIsFoundByNameAndUsedWhenItsColumnsMatch() {
        assertThat(GeneratedColumnFields.className(Gadget.class))
                .isEqualTo("dev.braid.core.internal.meta.GeneratedColumnFieldsTest_Gadget_Fields");
        EntityMapping gadgets = MappingRegistry.builder().entity(Gadget.class).build().entity(Gadget.class);
        assertThat(gadgets.columnFields()).isInstanceOf(GeneratedColumnFieldsTest_Gadget_Fields.class);
    }

    @Test
    void withoutAGeneratedAccessorFieldsAreReachedOneByOneWithTheSameResults() {
        EntityMapping generated = MappingRegistry.builder().entity(Gadget.class).build().entity(Gadget.class);
        EntityMapping handles = MappingRegistry.builder().define(EntityDefinition.of(PlainGadget.class).table("gadgets")
                .id("id").column("name").column("quantity")).build().entity(PlainGadget.class);
        assertThat(handles.columnFields()).isNull();

        Object[] values = {3L, "clock", 12};
        Gadget gadget = (Gadget) generated.instantiate(values);
        PlainGadget plain = (PlainGadget) handles.instantiate(values);
        assertThat(gadget.id).isEqualTo(plain.id).isEqualTo(3L);
        assertThat(gadget.name).isEqualTo(plain.name).isEqualTo("clock");
        assertThat(gadget.quantity).isEqualTo(plain.quantity).isEqualTo(12);
        Object[] fromGenerated = new Object[3];
        Object[] fromHandles = new Object[3];
        generated.readColumns(gadget, fromGenerated);
        handles.readColumns(plain, fromHandles);
        assertThat(fromGenerated).containsExactly(fromHandles).containsExactly(3L, "clock", 12);
        assertThat(generated.idOf(gadget)).isEqualTo(handles.idOf(plain)).isEqualTo(3L);
        assertThat(generated.readDatabaseValues(gadget)).containsExactly(handles.readDatabaseValues(plain));
    }

    @Test
    void aMappingOfOtherColumnsOrAnotherIdDoesNotUseTheGeneratedAccessor() {
        EntityMapping reordered = MappingRegistry.builder().define(EntityDefinition.of(Gadget.class).table("gadgets")
                .id("id").column("quantity").column("name")).build().entity(Gadget.class);
        assertThat(reordered.columnFields()).isNull();
        Gadget gadget = (Gadget) reordered.instantiate(new Object[]{4L, 7, "lamp"});
        assertThat(gadget.name).isEqualTo("lamp");
        assertThat(gadget.quantity).isEqualTo(7);

        EntityMapping otherId = MappingRegistry.builder().define(EntityDefinition.of(Gadget.class).table("gadgets")
                .column("id").id("name").column("quantity")).build().entity(Gadget.class);
        assertThat(otherId.columnFields()).isNull();
        assertThat(otherId.idOf(otherId.instantiate(new Object[]{5L, "key", 1}))).isEqualTo("key");
    }

    @Test
    void aClassOfTheAccessorsNameThatIsNoAccessorIsIgnored() {
        EntityMapping widgets = MappingRegistry.builder().define(EntityDefinition.of(Widget.class).table("widgets")
                .id("id")).build().entity(Widget.class);
        assertThat(widgets.columnFields()).isNull();
        assertThat(((Widget) widgets.instantiate(new Object[]{9L})).id).isEqualTo(9L);
    }

    @Test
    void anAccessorThatCannotBeInitializedIsAnErrorNamingTheFix() {
        assertThatThrownBy(() -> MappingRegistry.builder().define(EntityDefinition.of(Stale.class).table("stale")
                .id("id")).build())
                .isInstanceOfSatisfying(MapperException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_INSTANTIATION))
                .hasMessageContaining(GeneratedColumnFieldsTest_Stale_Fields.class.getName())
                .hasMessageContaining("Fix: rebuild");
    }
}

/** Not a {@link ColumnFields}: an application class that happens to have an accessor's name. */
final class GeneratedColumnFieldsTest_Widget_Fields {
}

/** Fails to initialize, as a generated accessor compiled against a field that no longer exists would. */
final class GeneratedColumnFieldsTest_Stale_Fields implements ColumnFields {
    static {
        if (Boolean.TRUE) {
            throw new IllegalStateException("no field Stale.id of type java.lang.Long");
        }
    }

    @Override public List<String> attributes() { return List.of("id"); }

    @Override public List<Class<?>> types() { return List.of(Long.class); }

    @Override public String idAttribute() { return "id"; }

    @Override public void write(Object entity, Object[] values) { }

    @Override public void read(Object entity, Object[] into) { }

    @Override public Object id(Object entity) { return null; }
}
