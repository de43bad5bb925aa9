package dev.braid.core.internal.meta;

import dev.braid.annotation.DiscriminatorColumn;
import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Inheritance;

/** Reads {@code @Inheritance}, {@code @DiscriminatorColumn} and {@code @DiscriminatorValue} off a class. */
final class InheritanceReader {
    private InheritanceReader() {}

    static InheritanceSpec read(Class<?> type) {
        Inheritance inheritance = type.getAnnotation(Inheritance.class);
        DiscriminatorColumn column = type.getAnnotation(DiscriminatorColumn.class);
        DiscriminatorValue value = type.getAnnotation(DiscriminatorValue.class);
        boolean entity = type.isAnnotationPresent(Entity.class);
        if (inheritance == null && value == null && entity) return InheritanceSpec.NONE;
        return new InheritanceSpec(inheritance == null ? null : inheritance.strategy(),
                inheritance == null ? null : column == null ? "type" : column.name(),
                column == null ? 50 : column.length(), value == null ? null : value.value(), entity);
    }
}
