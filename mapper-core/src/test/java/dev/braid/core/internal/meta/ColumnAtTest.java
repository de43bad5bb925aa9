package dev.braid.core.internal.meta;

import dev.braid.mapping.MappingRegistry;
import dev.braid.core.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry finds the attribute behind a table and column a database error names. */
class ColumnAtTest {
    private final MappingRegistry registry = Fixtures.registry();

    @Test
    void findsTheAttributeIgnoringCase() {
        assertThat(registry.columnAt("authors", "name")).map(ColumnMapping::qualifiedName).hasValue("Author.name");
        assertThat(registry.columnAt("AUTHORS", "NAME")).map(ColumnMapping::qualifiedName).hasValue("Author.name");
    }

    @Test
    void unknownTablesAndColumnsFindNothing() {
        assertThat(registry.columnAt("authors", "nope")).isEmpty();
        assertThat(registry.columnAt("nope", "name")).isEmpty();
        assertThat(registry.columnAt(null, "name")).isEmpty();
        assertThat(registry.columnAt("authors", null)).isEmpty();
    }
}
