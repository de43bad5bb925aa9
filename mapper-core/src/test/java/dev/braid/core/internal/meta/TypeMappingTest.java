package dev.braid.core.internal.meta;

import dev.braid.annotation.Convert;
import dev.braid.annotation.EnumStorage;
import dev.braid.annotation.Enumerated;
import dev.braid.annotation.Id;
import dev.braid.annotation.Json;
import dev.braid.core.internal.plan.schema.SchemaPlanner;
import dev.braid.dialect.Dialect;
import dev.braid.error.MappingException;
import dev.braid.error.MappingProblem;
import dev.braid.mapping.EntityDefinition;
import dev.braid.mapping.MappingRegistry;
import dev.braid.mapping.spi.ValueConverter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configure-time checks of converters, JSON and enum storage, and the DDL of the types, without a database. */
class TypeMappingTest {
    enum Mood { SAD, HAPPY }

    public static final class ToText implements ValueConverter<Integer, String> {
        @Override public Class<Integer> javaType() { return Integer.class; }
        @Override public Class<String> databaseType() { return String.class; }
        @Override public String toDatabase(Integer value) { return value.toString(); }
        @Override public Integer fromDatabase(String value) { return Integer.valueOf(value); }
    }

    static class Broken {
        @Id Long id;
        @Convert(ToText.class) String wrongType;
        @Enumerated(EnumStorage.ORDINAL) String notAnEnum;
        @Json @Enumerated Mood both;
    }

    static class Typed {
        @Id Long id;
        @Enumerated(value = EnumStorage.NATIVE, typeName = "mood") Mood mood;
        @Json List<String> notes;
        long[] counts;
    }

    @Test
    void badStorageDeclarationsAreReportedAtConfigureNamingTheAttributeAndFix() {
        assertThatThrownBy(() -> MappingRegistry.builder().entity(Broken.class).build())
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.problems()).extracting(MappingProblem::kind).containsExactly(
                            MappingProblem.Kind.CONVERTER_INVALID, MappingProblem.Kind.ENUM_STORAGE_NOT_ENUM,
                            MappingProblem.Kind.TYPE_OPTIONS_CONFLICT);
                    assertThat(e.messages().get(0)).startsWith("Broken.wrongType has type java.lang.String but its converter")
                            .contains("Fix: use a converter whose javaType() is String");
                    assertThat(e.messages().get(1)).startsWith("Broken.notAnEnum has an enum storage (ORDINAL) but type"
                            + " java.lang.String, which is not an enum");
                    assertThat(e.messages().get(2)).startsWith("Broken.both declares more than one way of storing its values");
                });
    }

    @Test
    void aConverterMustStoreASupportedType() {
        ValueConverter<Mood, Object> bad = dev.braid.mapping.Converters.of(Mood.class, Object.class, m -> m, o -> Mood.SAD);
        assertThatThrownBy(() -> MappingRegistry.builder().define(EntityDefinition.of(Typed.class).id("id")
                        .column("mood", c -> c.converter(bad))).build())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Typed.mood's converter").hasMessageContaining("stores java.lang.Object,"
                        + " which is not a supported column type");
    }

    @Test
    void ddlNamesJsonArrayAndEnumTypesPerDialect() {
        MappingRegistry registry = MappingRegistry.builder().entity(Typed.class).build();
        assertThat(new SchemaPlanner(registry, Dialect.postgresql()).createScript(false)).isEqualTo(
                "CREATE TYPE mood AS ENUM ('SAD', 'HAPPY');\n"
                        + "CREATE TABLE typed (id bigint NOT NULL, mood mood, notes jsonb, counts bigint[], PRIMARY KEY (id));\n");
        assertThat(new SchemaPlanner(registry, Dialect.postgresql()).drop()).extracting(r -> r.sql())
                .containsExactly("DROP TABLE IF EXISTS typed", "DROP TYPE IF EXISTS mood");
        assertThat(new SchemaPlanner(registry, Dialect.h2()).createScript(true)).isEqualTo(
                "CREATE TABLE IF NOT EXISTS typed (id bigint NOT NULL, mood varchar, notes json, counts bigint array,"
                        + " PRIMARY KEY (id));\n");
    }
}
