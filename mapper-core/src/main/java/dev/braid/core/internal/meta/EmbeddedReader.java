package dev.braid.core.internal.meta;

import dev.braid.annotation.Embedded;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Expands an {@code @Embedded} field into the column specs of its value type's fields: attribute
 * {@code shipTo.city}, column {@code prefix + column}. Judging them (a key or relationship inside, a nested
 * value, a type Braid cannot create) is {@link EmbeddedComponents}' job at configure time, so relationship
 * fields and nested values are passed on as specs too.
 */
public final class EmbeddedReader {
    private EmbeddedReader() {}

    /** The component specs of {@code field}, read with {@code columnOf} as an entity's columns are. */
    static List<ColumnSpec> columns(Field field, Function<Field, ColumnSpec> columnOf) {
        Embedded embedded = field.getAnnotation(Embedded.class);
        String root = field.getName();
        String prefix = prefix(embedded.prefix(), root);
        Class<?> valueType = field.getType();
        List<ColumnSpec> out = new ArrayList<>();
        if (valueType.isPrimitive() || valueType.isArray() || valueType.getName().startsWith("java.")) {
            // Not a value type: one spec under the field's own name, which configure reports.
            ColumnSpec own = columnOf.apply(field);
            out.add(component(new ColumnSpec("", own.column(), 0, true, false, 0, 0, false, IdGeneration.ASSIGNED,
                    false, null, null, null), root + ".", "", embedded.nullable()));
            return out;
        }
        for (Field f : PersistentFields.of(valueType)) {
            out.add(component(columnOf.apply(f), root + ".", prefix, embedded.nullable()));
        }
        for (Field f : PersistentFields.relations(valueType)) {
            out.add(component(columnOf.apply(f), root + ".", prefix, embedded.nullable()));
        }
        return out.isEmpty() ? components(root, "", true, List.of()) : out;
    }

    /** The names of the persistent fields of a value type (a builder's default components). */
    public static List<String> fieldNames(Class<?> valueType) {
        if (valueType.isPrimitive() || valueType.isArray() || valueType.getName().startsWith("java.")) return List.of();
        return PersistentFields.of(valueType).stream().map(Field::getName).toList();
    }

    /**
     * The builder's component specs: {@code components} prefixed and put under {@code root}; none given (a
     * value type without fields) yields one spec configure reports.
     */
    public static List<ColumnSpec> components(String root, String prefixTemplate, boolean wholeNullable,
                                              List<ColumnSpec> components) {
        String prefix = prefix(prefixTemplate, root);
        if (components.isEmpty()) {
            return List.of(new ColumnSpec(root + ".", prefix, 0, true, false, 0, 0, false, IdGeneration.ASSIGNED,
                    false, null, null, null));
        }
        return components.stream().map(c -> component(c, root + ".", prefix, wholeNullable)).toList();
    }

    /** {@code {field}} replaced by the field's name in snake_case. */
    public static String prefix(String template, String fieldName) {
        return template.replace("{field}", Names.snakeCase(fieldName));
    }

    /** {@code spec} as a component: attribute under {@code path}, column prefixed, nullable with its value. */
    static ColumnSpec component(ColumnSpec spec, String path, String prefix, boolean wholeNullable) {
        return new ColumnSpec(path + spec.attribute(), prefix + spec.column(), spec.length(),
                wholeNullable || spec.nullable(), spec.unique(), spec.precision(), spec.scale(), spec.id(),
                spec.generation(), spec.version(), spec.foreignKeyEntity(), spec.foreignKeyTable(),
                spec.foreignKeyColumn(), spec.typing(), spec.options());
    }
}
