package dev.braid.mapping;

import dev.braid.annotation.Embedded;
import dev.braid.core.internal.meta.ColumnSpec;
import dev.braid.core.internal.meta.EmbeddedReader;
import dev.braid.core.internal.util.Require;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An embedded value in an {@link EntityDefinition}, the builder's {@link Embedded @Embedded}: the value
 * type's fields as columns of the owner's table, named {@code prefix + column}; e.g.
 * {@code .embedded("shipTo", Address.class, e -> e.prefix("ship_").column("city", c -> c.length(80)))}.
 * Without {@link #column} calls every persistent field of the value type is a component with default details.
 */
public final class EmbeddedDefinition {
    private final String attribute;
    private final Class<?> valueType;
    private String prefix = Embedded.FIELD_NAME;
    private boolean nullable = true;
    private final List<ColumnDefinition> columns = new ArrayList<>();

    EmbeddedDefinition(String attribute, Class<?> valueType) {
        this.attribute = Require.nonNull(attribute, "attribute");
        this.valueType = Require.nonNull(valueType, "valueType");
    }

    /**
     * The prefix of every component's column name; {@code {field}} stands for the field's name in snake_case.
     *
     * @param prefix the prefix ({@value Embedded#FIELD_NAME} unless set; empty for none)
     * @return these details
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code prefix} is null
     */
    public EmbeddedDefinition prefix(String prefix) {
        this.prefix = Require.nonNull(prefix, "prefix");
        return this;
    }

    /**
     * The value is never null: the components keep their own nullability (by default every component
     * column is nullable, since a null value writes NULL to all of them).
     *
     * @return these details
     */
    public EmbeddedDefinition notNull() {
        this.nullable = false;
        return this;
    }

    /**
     * A component with default details (only the components named are mapped once one is).
     *
     * @param component the value type's field name
     * @return these details
     */
    public EmbeddedDefinition column(String component) {
        return column(component, c -> {});
    }

    /**
     * A component with details; its column name gets the prefix.
     *
     * @param component the value type's field name
     * @param details   sets the column's name (before the prefix), length, nullability, converter, ...
     * @return these details
     */
    public EmbeddedDefinition column(String component, Consumer<ColumnDefinition> details) {
        ColumnDefinition column = new ColumnDefinition(component);
        details.accept(column);
        columns.add(column);
        return this;
    }

    List<ColumnSpec> toSpecs() {
        List<ColumnSpec> components = columns.isEmpty()
                ? EmbeddedReader.fieldNames(valueType).stream().map(n -> new ColumnDefinition(n).toSpec()).toList()
                : columns.stream().map(ColumnDefinition::toSpec).toList();
        return EmbeddedReader.components(attribute, prefix, nullable, components);
    }
}
