package dev.braid.mapping;

import dev.braid.core.internal.meta.AnnotationReader;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.EntitySource;
import dev.braid.core.internal.meta.EntitySpec;
import dev.braid.core.internal.meta.MappingConfigurer;
import dev.braid.core.internal.meta.TableOrder;
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
    private final List<EntityMapping> dependencyOrder;

    MappingRegistry(List<EntityMapping> mappings) {
        Map<Class<?>, EntityMapping> index = new LinkedHashMap<>();
        for (EntityMapping m : mappings) {
            index.put(m.type(), m);
        }
        this.byType = index;
        this.dependencyOrder = List.copyOf(TableOrder.sort(mappings));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The mapping of {@code type}, or an error saying how to register it. */
    public EntityMapping entity(Class<?> type) {
        EntityMapping mapping = byType.get(type);
        if (mapping == null) {
            throw new MapperException(ErrorCode.BRAID_UNMAPPED, type.getName() + " is not a mapped entity."
                    + " Fix: register it with MappingRegistry.builder().entity(" + type.getSimpleName() + ".class)");
        }
        return mapping;
    }

    public Optional<EntityMapping> find(Class<?> type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * The attribute mapped to {@code table.column} (names compared ignoring case; a writable entity before a
     * read-only record view of the same table), for errors in which the database names only the column.
     */
    public Optional<ColumnMapping> columnAt(String table, String column) {
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

    public Collection<EntityMapping> entities() {
        return byType.values();
    }

    /**
     * Writable entities with every referenced table before the tables that reference it: the order for
     * CREATE TABLE and INSERT (DROP and DELETE go in reverse).
     */
    public List<EntityMapping> dependencyOrder() {
        return dependencyOrder;
    }

    /** Collects entity classes and definitions; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final Set<Class<?>> annotated = new LinkedHashSet<>();
        private final List<EntitySpec> specs = new ArrayList<>();

        private Builder() {}

        /** Adds classes mapped with annotations. */
        public Builder entity(Class<?>... types) {
            annotated.addAll(List.of(types));
            return this;
        }

        /** Adds a class mapped with the fluent builder (for classes you cannot annotate). */
        public Builder define(EntitySource source) {
            specs.add(source.toSpec());
            return this;
        }

        /**
         * Validates every entity and freezes the registry.
         *
         * @throws dev.braid.error.MappingException listing every problem found
         */
        public MappingRegistry build() {
            List<EntitySpec> all = new ArrayList<>();
            for (Class<?> type : annotated) {
                all.add(AnnotationReader.read(type));
            }
            all.addAll(specs);
            return new MappingRegistry(new MappingConfigurer(all).configure());
        }
    }
}
