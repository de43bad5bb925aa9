package dev.braid.core.meta;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.Version;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/** Turns an annotated class into an {@link EntitySpec}; judging it is the configurer's job. */
final class AnnotationReader {
    private AnnotationReader() {}

    static EntitySpec read(Class<?> type) {
        Entity entity = type.getAnnotation(Entity.class);
        String table = entity == null || entity.table().isEmpty() ? Names.snakeCase(type.getSimpleName()) : entity.table();
        List<ColumnSpec> columns = new ArrayList<>();
        for (Field field : PersistentFields.of(type)) {
            columns.add(column(field));
        }
        return new EntitySpec(type, table, columns);
    }

    private static ColumnSpec column(Field field) {
        Column column = field.getAnnotation(Column.class);
        ForeignKey fk = field.getAnnotation(ForeignKey.class);
        String name = column == null || column.name().isEmpty() ? Names.snakeCase(field.getName()) : column.name();
        return new ColumnSpec(
                field.getName(),
                name,
                column == null ? 0 : column.length(),
                column == null || column.nullable(),
                column != null && column.unique(),
                column == null ? 0 : column.precision(),
                column == null ? 0 : column.scale(),
                field.isAnnotationPresent(Id.class),
                field.isAnnotationPresent(Identity.class) ? IdGeneration.IDENTITY : IdGeneration.ASSIGNED,
                field.isAnnotationPresent(Version.class),
                fk == null || fk.entity() == void.class ? null : fk.entity(),
                fk == null || fk.table().isEmpty() ? null : fk.table(),
                fk == null || fk.column().isEmpty() ? null : fk.column());
    }
}
