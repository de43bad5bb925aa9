package dev.braid.core.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.braid.query.Attribute;
import dev.braid.query.ComparableAttribute;
import dev.braid.query.StringAttribute;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Uses the metamodels the processor generated while the tests were compiled. */
class GeneratedMetamodelTest {

    @Test
    void classAttributesHaveTheRightReferenceKinds() {
        // Declared types: this does not compile if the generated types are wrong.
        StringAttribute<ProcessorSampleEntity> name = ProcessorSampleEntity_.name;
        ComparableAttribute<ProcessorSampleEntity, Long> id = ProcessorSampleEntity_.id;
        ComparableAttribute<ProcessorSampleEntity, Integer> count = ProcessorSampleEntity_.count;
        Attribute<ProcessorSampleEntity, byte[]> data = ProcessorSampleEntity_.data;
        ComparableAttribute<ProcessorSampleEntity, LocalDate> born = ProcessorSampleEntity_.born;
        ComparableAttribute<ProcessorSampleEntity, ProcessorSampleEntity.Status> status = ProcessorSampleEntity_.status;
        ComparableAttribute<ProcessorSampleEntity, Instant> createdAt = ProcessorSampleEntity_.createdAt;
        ComparableAttribute<ProcessorSampleEntity, Integer> label = ProcessorSampleEntity_.label;

        assertReference(name, "name", String.class, StringAttribute.class);
        assertReference(id, "id", Long.class, ComparableAttribute.class);
        assertReference(count, "count", Integer.class, ComparableAttribute.class);
        assertReference(data, "data", byte[].class, Attribute.class);
        assertReference(born, "born", LocalDate.class, ComparableAttribute.class);
        assertReference(status, "status", ProcessorSampleEntity.Status.class, ComparableAttribute.class);
        assertReference(createdAt, "createdAt", Instant.class, ComparableAttribute.class);
        assertReference(label, "label", Integer.class, ComparableAttribute.class);
        for (Attribute<ProcessorSampleEntity, ?> attribute : List.of(name, id, count, data, born, status, createdAt, label)) {
            assertThat(attribute.entityType()).isEqualTo(ProcessorSampleEntity.class);
        }
    }

    @Test
    void classMetamodelHasOnlyPersistentAttributesInOrder() {
        // Inherited attributes first, then the entity's own in declaration order; the hidden base
        // "label" is replaced by the subclass field.
        assertThat(generatedFieldNames(ProcessorSampleEntity_.class))
                // List<String> tags is an array column: an ArrayAttribute with contains/overlaps.
                .containsExactly("createdAt", "id", "name", "count", "data", "born", "status", "label", "tags")
                .doesNotContain("cache", "computed", "CONSTANT", "instances");
        assertThat(ProcessorSampleEntity_.tags).isInstanceOf(dev.braid.query.ArrayAttribute.class);
        assertThat(ProcessorSampleEntity_.tags.elementType()).isEqualTo(String.class);
    }

    @Test
    void generatedClassShape() throws Exception {
        Class<?> metamodel = ProcessorSampleEntity_.class;
        assertThat(Modifier.isPublic(metamodel.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(metamodel.getModifiers())).isTrue();
        assertThat(metamodel.getPackage()).isEqualTo(ProcessorSampleEntity.class.getPackage());
        assertThat(metamodel.getDeclaredConstructors()).singleElement()
                .satisfies(c -> assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());
        for (Field field : metamodel.getDeclaredFields()) {
            assertThat(Modifier.isPublic(field.getModifiers())
                    && Modifier.isStatic(field.getModifiers())
                    && Modifier.isFinal(field.getModifiers())).as(field.getName()).isTrue();
        }
    }

    @Test
    void nestedEntityGetsOuterPrefixedMetamodel() {
        ComparableAttribute<ProcessorSampleEntity.Nested, Long> id = ProcessorSampleEntity_Nested_.id;
        ComparableAttribute<ProcessorSampleEntity.Nested, ProcessorSampleEntity.Status> status =
                ProcessorSampleEntity_Nested_.status;
        assertReference(id, "id", Long.class, ComparableAttribute.class);
        assertThat(id.entityType()).isEqualTo(ProcessorSampleEntity.Nested.class);
        assertReference(status, "status", ProcessorSampleEntity.Status.class, ComparableAttribute.class);
        assertThat(generatedFieldNames(ProcessorSampleEntity_Nested_.class)).containsExactly("id", "status");
    }

    @Test
    void recordComponentsAreAttributes() {
        ComparableAttribute<ProcessorSampleRecord, UUID> id = ProcessorSampleRecord_.id;
        StringAttribute<ProcessorSampleRecord> title = ProcessorSampleRecord_.title;
        ComparableAttribute<ProcessorSampleRecord, BigDecimal> price = ProcessorSampleRecord_.price;
        ComparableAttribute<ProcessorSampleRecord, Boolean> available = ProcessorSampleRecord_.available;

        assertReference(id, "id", UUID.class, ComparableAttribute.class);
        assertReference(title, "title", String.class, StringAttribute.class);
        assertReference(price, "price", BigDecimal.class, ComparableAttribute.class);
        assertReference(available, "available", Boolean.class, ComparableAttribute.class);
        assertThat(title.entityType()).isEqualTo(ProcessorSampleRecord.class);
        assertThat(generatedFieldNames(ProcessorSampleRecord_.class))
                .containsExactly("id", "title", "price", "available", "tags");
    }

    @Test
    void generatedReferencesWorkInQueries() {
        assertThat(ProcessorSampleEntity_.name.startsWith("A")).isNotNull();
        assertThat(ProcessorSampleEntity_.born.between(LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1))).isNotNull();
        assertThat(ProcessorSampleEntity_.id.asc().attribute()).isSameAs(ProcessorSampleEntity_.id);
        assertThat(ProcessorSampleEntity_.name).isEqualTo(Attribute.string(ProcessorSampleEntity.class, "name"));
    }

    private static void assertReference(Attribute<?, ?> attribute, String name, Class<?> valueType, Class<?> kind) {
        assertThat(attribute.name()).isEqualTo(name);
        assertThat(attribute.valueType()).isEqualTo(valueType);
        assertThat(attribute.getClass()).as("reference class of " + name).isEqualTo(kind);
    }

    private static List<String> generatedFieldNames(Class<?> metamodel) {
        return Arrays.stream(metamodel.getDeclaredFields())
                .filter(f -> !f.isSynthetic())
                .map(Field::getName)
                .toList();
    }
}
