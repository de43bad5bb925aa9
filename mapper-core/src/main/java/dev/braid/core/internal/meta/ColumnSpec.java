package dev.braid.core.internal.meta;

import dev.braid.core.internal.util.Require;

/**
 * What a user declared about one attribute, before validation. Annotations and the fluent builder
 * both produce these; {@link MappingRegistry.Builder#build()} validates and freezes them.
 *
 * @param foreignKeyEntity referenced entity class, or null
 * @param foreignKeyTable  referenced table name, or null (one of the two names the target); a blank name
 *                         marks a foreign key declared without a target, which configure reports
 * @param foreignKeyColumn referenced column, or null for the target's single id column
 * @param typing           how values are stored (converter, JSON, enum storage); {@link TypeOptions#NONE} for the catalogue's way
 * @param options          sequence, defaults and timestamps; {@link ColumnOptions#NONE} for none
 */
public record ColumnSpec(String attribute, String column, int length, boolean nullable, boolean unique,
                         int precision, int scale, boolean id, IdGeneration generation, boolean version,
                         Class<?> foreignKeyEntity, String foreignKeyTable, String foreignKeyColumn,
                         TypeOptions typing, ColumnOptions options) {
    public ColumnSpec {
        Require.nonNull(attribute, "attribute");
        Require.nonNull(column, "column");
        Require.nonNull(generation, "generation");
        Require.nonNull(typing, "typing");
        Require.nonNull(options, "options");
    }

    /** A spec whose values are stored the catalogue's way, without sequence, defaults or timestamps. */
    public ColumnSpec(String attribute, String column, int length, boolean nullable, boolean unique,
                      int precision, int scale, boolean id, IdGeneration generation, boolean version,
                      Class<?> foreignKeyEntity, String foreignKeyTable, String foreignKeyColumn) {
        this(attribute, column, length, nullable, unique, precision, scale, id, generation, version,
                foreignKeyEntity, foreignKeyTable, foreignKeyColumn, TypeOptions.NONE, ColumnOptions.NONE);
    }

    /** This spec with values stored as {@code typing} says. */
    public ColumnSpec withTyping(TypeOptions typing) {
        return new ColumnSpec(attribute, column, length, nullable, unique, precision, scale, id, generation, version,
                foreignKeyEntity, foreignKeyTable, foreignKeyColumn, typing, options);
    }

    /** This spec, nullable (a subclass's column in a single-table hierarchy). */
    public ColumnSpec asNullable() {
        return new ColumnSpec(attribute, column, length, true, unique, precision, scale, id, generation, version,
                foreignKeyEntity, foreignKeyTable, foreignKeyColumn, typing, options);
    }

    /** True when the attribute was declared a foreign key (even one without a usable target). */
    public boolean hasForeignKey() {
        return foreignKeyEntity != null || foreignKeyTable != null;
    }
}
