package dev.braid.mapping;

import dev.braid.annotation.EnumStorage;
import dev.braid.core.internal.meta.ColumnOptions;
import dev.braid.core.internal.meta.ColumnSpec;
import dev.braid.core.internal.meta.IdGeneration;
import dev.braid.core.internal.meta.Names;
import dev.braid.core.internal.meta.TypeOptions;
import dev.braid.core.internal.util.Require;
import dev.braid.mapping.spi.ValueConverter;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Column details of one attribute in an {@link EntityDefinition}: name, length, nullability, keys,
 * foreign-key target, how values are stored, sequences, defaults and timestamps; e.g.
 * {@code .column("label", c -> c.length(40).notNull().unique())}.
 */
public final class ColumnDefinition {
    // Package-private: EntityDefinition's shortcuts (id, identity, version, foreignKey, ...) set them directly.
    final String attribute;
    String column;
    int length;
    boolean nullable = true;
    boolean unique;
    int precision;
    int scale;
    boolean id;
    IdGeneration generation = IdGeneration.ASSIGNED;
    boolean version;
    @Nullable Class<?> foreignKeyEntity;
    @Nullable String foreignKeyTable;
    @Nullable String foreignKeyColumn;
    TypeOptions typing = TypeOptions.NONE;
    @Nullable String sequence;
    int allocationSize;
    @Nullable String serverDefault;
    java.util.function.@Nullable Supplier<?> clientDefault;
    ColumnOptions.Timestamp timestamp = ColumnOptions.Timestamp.NONE;

    ColumnDefinition(String attribute) {
        this.attribute = Require.nonNull(attribute, "attribute");
        this.column = Names.snakeCase(attribute);
    }

    /**
     * Names the column.
     *
     * @param column the column name (the field name in snake_case unless set)
     * @return these details
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code column} is null
     */
    public ColumnDefinition name(String column) { this.column = Require.nonNull(column); return this; }

    /**
     * The maximum length of a string column, for DDL.
     *
     * @param length the length; 0 for unbounded
     * @return these details
     */
    public ColumnDefinition length(int length) { this.length = length; return this; }

    /**
     * Makes the column NOT NULL.
     *
     * @return these details
     */
    public ColumnDefinition notNull() { this.nullable = false; return this; }

    /**
     * Adds a UNIQUE constraint on the column, in DDL.
     *
     * @return these details
     */
    public ColumnDefinition unique() { this.unique = true; return this; }

    /**
     * The precision and scale of a {@code BigDecimal} column, for DDL.
     *
     * @param precision total digits; 0 for the database's default
     * @param scale     digits after the decimal point
     * @return these details
     */
    public ColumnDefinition precision(int precision, int scale) {
        this.precision = precision;
        this.scale = scale;
        return this;
    }

    /**
     * The referenced column of a foreign key, when it is not the target's id.
     *
     * @param column the referenced column's name
     * @return these details
     */
    public ColumnDefinition references(String column) { this.foreignKeyColumn = column; return this; }

    /**
     * Stores the values through a converter (like {@code @Convert}).
     *
     * @param converter the converter; its Java type must be the attribute's
     * @return these details
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code converter} is null
     */
    public ColumnDefinition converter(ValueConverter<?, ?> converter) {
        Require.nonNull(converter, "converter");
        this.typing = new TypeOptions(converter, null, typing.json(), typing.enumStorage(), typing.enumTypeName());
        return this;
    }

    /**
     * A default evaluated by the database: rendered in the DDL and read back after an INSERT that left the
     * attribute null (see {@link dev.braid.annotation.ServerDefault}).
     *
     * @param expression the SQL expression, e.g. {@code "CURRENT_TIMESTAMP"} or {@code "'draft'"}
     * @return these details
     */
    public ColumnDefinition serverDefault(String expression) { this.serverDefault = expression; return this; }

    /**
     * A value computed by the application when the object is inserted with this attribute null.
     *
     * @param supplier computes the value (called once per inserted object, must not block)
     * @return these details
     */
    public ColumnDefinition clientDefault(java.util.function.Supplier<?> supplier) {
        this.clientDefault = Require.nonNull(supplier, "supplier");
        return this;
    }

    /**
     * Stores the value as a JSON document (like {@code @Json}).
     *
     * @return these details
     */
    public ColumnDefinition json() {
        this.typing = new TypeOptions(typing.converter(), null, true, typing.enumStorage(), typing.enumTypeName());
        return this;
    }

    /**
     * How an enum is stored (like {@code @Enumerated}); {@link EnumStorage#NATIVE} uses a database type named
     * after the enum in snake_case ({@link #nativeEnum} names it).
     *
     * @param storage by name, by ordinal, or as the database's enum type
     * @return these details
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code storage} is null
     */
    public ColumnDefinition enumerated(EnumStorage storage) {
        this.typing = new TypeOptions(typing.converter(), null, typing.json(), Require.nonNull(storage, "storage"), null);
        return this;
    }

    /**
     * Stores an enum as the database's enum type {@code typeName} (PostgreSQL: created by the DDL).
     *
     * @param typeName the database type's name
     * @return these details
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code typeName} is null
     */
    public ColumnDefinition nativeEnum(String typeName) {
        this.typing = new TypeOptions(typing.converter(), null, typing.json(), EnumStorage.NATIVE,
                Require.nonNull(typeName, "typeName"));
        return this;
    }

    /**
     * Set by the flush at INSERT, when null, from the mapper's clock (see {@link dev.braid.annotation.CreatedAt}).
     *
     * @return these details
     */
    public ColumnDefinition createdAt() { return timestamp(ColumnOptions.Timestamp.CREATED); }

    /**
     * Set by the flush at INSERT (when null) and by every UPDATE (see {@link dev.braid.annotation.UpdatedAt}).
     *
     * @return these details
     */
    public ColumnDefinition updatedAt() { return timestamp(ColumnOptions.Timestamp.UPDATED); }

    private ColumnDefinition timestamp(ColumnOptions.Timestamp kind) {
        this.timestamp = this.timestamp == ColumnOptions.Timestamp.NONE || this.timestamp == kind ? kind
                : ColumnOptions.Timestamp.BOTH;
        return this;
    }

    ColumnSpec toSpec() {
        ColumnOptions options = sequence == null && serverDefault == null && clientDefault == null
                && timestamp == ColumnOptions.Timestamp.NONE ? ColumnOptions.NONE
                : new ColumnOptions(sequence, allocationSize, serverDefault, clientDefault, null, null, timestamp);
        return new ColumnSpec(attribute, column, length, nullable, unique, precision, scale, id, generation,
                version, foreignKeyEntity, foreignKeyTable, foreignKeyColumn, typing, options);
    }
}
