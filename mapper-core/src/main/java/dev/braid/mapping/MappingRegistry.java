package dev.braid.mapping;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.meta.AnnotationReader;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.EntitySource;
import dev.braid.core.internal.meta.EntitySpec;
import dev.braid.core.internal.meta.MappingConfigurer;
import dev.braid.core.internal.meta.TableOrder;
import dev.braid.core.internal.meta.TypeSettings;
import dev.braid.mapping.spi.JsonCodec;
import dev.braid.mapping.spi.ValueConverter;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The immutable set of entity mappings. Built once with {@link #builder()}; safe to share across
 * threads and sessions.
 */
public final class MappingRegistry {
    private final Map<Class<?>, EntityMapping> byType;
    // The classes of inheritance hierarchies, each to its base's mapping (which they share).
    private final Map<Class<?>, EntityMapping> subclasses;
    private final List<EntityMapping> dependencyOrder;

    MappingRegistry(List<EntityMapping> mappings) {
        Map<Class<?>, EntityMapping> index = new LinkedHashMap<>();
        for (EntityMapping m : mappings) {
            index.put(m.type(), m);
        }
        this.byType = index;
        Map<Class<?>, EntityMapping> subclasses = new LinkedHashMap<>();
        for (EntityMapping m : mappings) {
            if (m.hierarchy() != null) m.hierarchy().classes().forEach(c -> subclasses.putIfAbsent(c, m));
        }
        this.subclasses = subclasses;
        this.dependencyOrder = List.copyOf(TableOrder.sort(mappings));
    }

    /**
     * Starts a registry.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The mapping of an entity class.
     *
     * @param type the entity class
     * @return its mapping (Braid's internal model)
     * @throws MapperException {@code BRAID_UNMAPPED} when {@code type} is not registered, saying how to register it
     */
    public EntityMapping entity(Class<?> type) {
        EntityMapping mapping = byType.get(type);
        if (mapping == null) mapping = subclasses.get(type);
        if (mapping == null) {
            throw new MapperException(ErrorCode.BRAID_UNMAPPED, type.getName() + " is not a mapped entity."
                    + " Fix: register it with MappingRegistry.builder().entity(" + type.getSimpleName() + ".class)");
        }
        return mapping;
    }

    /**
     * The mapping of an entity class, if it is registered.
     *
     * @param type the class
     * @return its mapping, or empty when {@code type} is not a mapped entity
     */
    public Optional<EntityMapping> find(Class<?> type) {
        EntityMapping mapping = byType.get(type);
        return Optional.ofNullable(mapping != null ? mapping : subclasses.get(type));
    }

    /**
     * The attribute mapped to {@code table.column} (names compared ignoring case; a writable entity before a
     * read-only record view of the same table), for errors in which the database names only the column.
     *
     * @param table  the table name, or null
     * @param column the column name, or null
     * @return the attribute's mapping; empty when either name is null or nothing maps them
     */
    public Optional<ColumnMapping> columnAt(@Nullable String table, @Nullable String column) {
        if (table == null || column == null) return Optional.empty();
        ColumnMapping found = null;
        for (EntityMapping entity : byType.values()) {
            if (!entity.table().equalsIgnoreCase(table)) continue;
            for (ColumnMapping c : entity.columns()) {
                if (c.column().equalsIgnoreCase(column) && (found == null || !entity.type().isRecord())) found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Every mapped entity, in registration order.
     *
     * @return the mappings (a read-only view)
     */
    public Collection<EntityMapping> entities() {
        return byType.values();
    }

    /**
     * Writable entities with every referenced table before the tables that reference it: the order for
     * CREATE TABLE and INSERT (DROP and DELETE go in reverse).
     *
     * @return the writable entities in dependency order (immutable)
     */
    public List<EntityMapping> dependencyOrder() {
        return dependencyOrder;
    }

    /** Collects entity classes and definitions; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final Set<Class<?>> annotated = new LinkedHashSet<>();
        private final List<EntitySpec> specs = new ArrayList<>();
        private final Map<Class<?>, ValueConverter<?, ?>> converters = new LinkedHashMap<>();
        private @Nullable JsonCodec jsonCodec;

        private Builder() {}

        /**
         * Stores every attribute of the converter's Java type through it, unless the attribute declares its own
         * converter, {@code @Json} or {@code @Enumerated} (replacing an earlier converter of the same type).
         *
         * @param converter the converter
         * @return this builder
         * @throws MapperException {@code BRAID_ARGUMENT} when {@code converter} or its Java type is null
         */
        public Builder converter(ValueConverter<?, ?> converter) {
            dev.braid.core.internal.util.Require.nonNull(converter, "converter");
            converters.put(dev.braid.core.internal.util.Require.nonNull(converter.javaType(), "converter.javaType()"), converter);
            return this;
        }

        /**
         * The codec of JSON attributes ({@code @Json}); without one, Jackson 2's ({@link JacksonJsonCodec}) when
         * it is on the class path.
         *
         * @param codec the codec
         * @return this builder
         * @throws MapperException {@code BRAID_ARGUMENT} when {@code codec} is null
         */
        public Builder jsonCodec(JsonCodec codec) {
            this.jsonCodec = dev.braid.core.internal.util.Require.nonNull(codec, "codec");
            return this;
        }

        /**
         * Adds classes mapped with annotations.
         *
         * @param types {@code @Entity} classes (registering one twice is reported by {@link #build()})
         * @return this builder
         */
        public Builder entity(Class<?>... types) {
            annotated.addAll(List.of(types));
            return this;
        }

        /**
         * Adds a class mapped with the fluent builder (for classes you cannot annotate).
         *
         * @param source the definition, normally an {@link EntityDefinition}; read now, so later changes to
         *               it are not seen
         * @return this builder
         */
        public Builder define(EntitySource source) {
            specs.add(source.toSpec());
            return this;
        }

        /**
         * Validates every entity and freezes the registry.
         *
         * @return the frozen registry
         * @throws dev.braid.error.MappingException {@code BRAID_MAPPING}, listing every problem found
         */
        public MappingRegistry build() {
            List<EntitySpec> all = new ArrayList<>();
            for (Class<?> type : annotated) {
                all.add(AnnotationReader.read(type));
            }
            all.addAll(specs);
            return new MappingRegistry(new MappingConfigurer(all, new TypeSettings(converters, jsonCodec != null ? jsonCodec : DefaultJsonCodec.find())).configure());
        }
    }
}
