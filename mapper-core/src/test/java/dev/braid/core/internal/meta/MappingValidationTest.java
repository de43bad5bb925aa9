package dev.braid.core.internal.meta;

import dev.braid.mapping.MappingRegistry;
import dev.braid.error.ErrorCode;
import dev.braid.error.MappingException;
import dev.braid.core.fixtures.Author;
import dev.braid.core.fixtures.Book;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Version;
import dev.braid.mapping.EntityDefinition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MappingValidationTest {

    @Entity(table = "no_id")
    static class NoId { String name; }

    @Entity(table = "odd_types")
    static class OddTypes { @Id Long id; Map<String, String> tags; Object anything; }

    @Entity(table = "authors")
    static class SecondAuthor { @Id Long id; }

    @Entity(table = "dangling")
    static class Dangling {
        @Id Long id;
        @ForeignKey(table = "writers") Long writerId;
        @ForeignKey(entity = Unregistered.class) Long otherId;
        @ForeignKey(entity = Author.class, column = "nope") Long badColumn;
    }

    @Entity
    static class Unregistered { @Id Long id; }

    @Entity(table = "dupes")
    static class DuplicateColumns { @Id Long id; String name; @Column(name = "name") String fullName; }

    @Entity(table = "bad_keys")
    static class BadKeys { @Id @Identity String code; @Version String version; }

    @Entity(table = "no_ctor")
    static class NoConstructor { @Id Long id; NoConstructor(Long id) { this.id = id; } }

    @Test
    void everyProblemIsReportedAtOnceNamingClassAttributeAndFix() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .entity(Author.class, NoId.class, OddTypes.class, SecondAuthor.class, Dangling.class,
                        DuplicateColumns.class, BadKeys.class, NoConstructor.class)
                .build());

        assertThat(error.code()).isEqualTo(ErrorCode.BRAID_MAPPING);
        assertThat(error.messages()).hasSize(11);
        assertThat(error.getMessage()).startsWith("[BRAID_MAPPING] The mapping has 11 problems:");
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .isEqualTo("NoId has no id. Fix: annotate its primary-key field with @Id (or call .id(\"...\") in its EntityDefinition)"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .startsWith("OddTypes.tags has type java.util.Map<java.lang.String, java.lang.String>, which is not a supported column type.")
                .contains("Fix: change its type, store it with a converter").endsWith("or mark it @Transient"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).startsWith("OddTypes.anything has type java.lang.Object"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .startsWith("Author and SecondAuthor are both mapped to table authors"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .isEqualTo("Dangling.writerId is a foreign key to table 'writers', which no registered entity maps."
                        + " Fix: register the entity mapped to 'writers', or correct the table name"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .isEqualTo("Dangling.otherId is a foreign key to Unregistered, which is not registered."
                        + " Fix: register Unregistered with the MappingRegistry builder"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .startsWith("Dangling.badColumn references column 'nope' of table authors"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .isEqualTo("DuplicateColumns.name and DuplicateColumns.fullName both map to column 'name' of table dupes."
                        + " Fix: give one of them another @Column(name = ...)"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .startsWith("BadKeys.code is @Identity but has type String"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .startsWith("BadKeys.version is @Version but has type String"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p)
                .startsWith("NoConstructor has no no-arg constructor"));
    }

    static class Legacy { String code; String label; Long ownerId; }

    @Test
    void fluentBuilderFeedsTheSameConfigureStep() {
        MappingRegistry registry = MappingRegistry.builder()
                .entity(Author.class)
                .define(EntityDefinition.of(Legacy.class).table("legacy_items")
                        .id("code", c -> c.length(12))
                        .column("label", c -> c.length(40).notNull().unique())
                        .foreignKey("ownerId", Author.class))
                .build();
        EntityMapping legacy = registry.entity(Legacy.class);
        assertThat(legacy.table()).isEqualTo("legacy_items");
        assertThat(legacy.columns()).extracting(ColumnMapping::column).containsExactly("code", "label", "owner_id");
        assertThat(legacy.requireAttribute("label").nullable()).isFalse();
        assertThat(legacy.requireAttribute("label").unique()).isTrue();
        assertThat(legacy.requireAttribute("ownerId").foreignKey()).isEqualTo(new ForeignKeyTarget("authors", "id"));
        assertThat(registry.dependencyOrder()).extracting(EntityMapping::type).containsExactly(Author.class, Legacy.class);
    }

    @Test
    void builderReportsMissingFields() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .define(EntityDefinition.of(Legacy.class).id("code").column("lable"))
                .build());
        assertThat(error.messages()).containsExactly("Legacy.lable does not exist: Legacy has no field named 'lable'."
                + " Fix: correct the attribute name in its EntityDefinition");
    }

    @Test
    void unregisteredEntityErrorSaysHowToRegister() {
        MappingRegistry registry = MappingRegistry.builder().entity(Author.class).build();
        assertThat(catchThrowableOfType(dev.braid.error.MapperException.class, () -> registry.entity(Book.class)))
                .hasMessageContaining("dev.braid.core.fixtures.Book is not a mapped entity")
                .hasMessageContaining("MappingRegistry.builder().entity(Book.class)");
    }

    @Test
    void defaultNamesAreSnakeCase() {
        assertThat(Names.snakeCase("AuthorBook")).isEqualTo("author_book");
        assertThat(Names.snakeCase("authorId")).isEqualTo("author_id");
        assertThat(Names.snakeCase("URLPath")).isEqualTo("url_path");
        assertThat(Names.snakeCase("id")).isEqualTo("id");
    }

    record AuthorName(@Id Long id, String name) {}

    @Test
    void recordsAreReadOnlyViewsAllowedBesideTheEntity() {
        MappingRegistry registry = MappingRegistry.builder().entity(Author.class)
                .define(EntityDefinition.of(AuthorName.class).table("authors").id("id").column("name"))
                .build();
        EntityMapping view = registry.entity(AuthorName.class);
        assertThat(view.readOnly()).isTrue();
        AuthorName made = (AuthorName) view.instantiate(new Object[]{7L, "Austen"});
        assertThat(made).isEqualTo(new AuthorName(7L, "Austen"));
        assertThat(registry.dependencyOrder()).extracting(EntityMapping::type).containsExactly(Author.class);
    }
}
