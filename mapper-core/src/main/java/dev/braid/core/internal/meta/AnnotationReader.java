package dev.braid.core.internal.meta;

import dev.braid.annotation.LoadStrategy;
import dev.braid.annotation.Column;
import dev.braid.annotation.Convert;
import dev.braid.annotation.Enumerated;
import dev.braid.annotation.Json;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Version;

import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.annotation.OneToOne;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;

/** Turns an annotated class into an {@link EntitySpec}; judging it is the configurer's job. */
public final class AnnotationReader {
    private AnnotationReader() {}

    /** The spec of an annotated entity class. */
    public static EntitySpec read(Class<?> type) {
        Entity entity = type.getAnnotation(Entity.class);
        String table = entity == null || entity.table().isEmpty() ? Names.snakeCase(type.getSimpleName()) : entity.table();
        List<ColumnSpec> columns = new ArrayList<>();
        for (Field field : PersistentFields.of(type)) {
            if (field.isAnnotationPresent(dev.braid.annotation.Embedded.class)) {
                columns.addAll(EmbeddedReader.columns(field, AnnotationReader::column));
            } else {
                columns.add(column(field));
            }
        }
        List<RelationSpec> relations = new ArrayList<>();
        for (Field field : PersistentFields.relations(type)) {
            RelationSpec relation = relation(field);
            if (relation != null) relations.add(relation);
        }
        return new EntitySpec(type, table, columns, relations).withInheritance(InheritanceReader.read(type));
    }

    /** An UNDECLARED spec when the wrapper field has no relationship annotation (configure reports it). */
    private static RelationSpec relation(Field field) {
        Class<?> target = targetType(field);
        String name = field.getName();
        ManyToOne m2o = field.getAnnotation(ManyToOne.class);
        if (m2o != null) {
            return new RelationSpec(name, RelationSpec.Kind.MANY_TO_ONE, target, m2o.foreignKey(), m2o.backPopulates(),
                    null, null, null, m2o.load(), Set.of(m2o.cascade()), m2o.chunkSize(), false,
                    new RelationOptions("", List.of(), List.of(m2o.foreignKeys()), "", List.of(), m2o.viewOnly()));
        }
        OneToMany o2m = field.getAnnotation(OneToMany.class);
        if (o2m != null) {
            return new RelationSpec(name, RelationSpec.Kind.ONE_TO_MANY, target, o2m.foreignKey(), o2m.backPopulates(),
                    null, null, null, o2m.load(), Set.of(o2m.cascade()), o2m.chunkSize(), o2m.passiveDeletes(),
                    new RelationOptions(o2m.orderBy(), List.of(), List.of(o2m.foreignKeys()), o2m.where(), List.of(),
                            o2m.viewOnly()));
        }
        OneToOne o2o = field.getAnnotation(OneToOne.class);
        if (o2o != null) {
            return new RelationSpec(name, RelationSpec.Kind.ONE_TO_ONE, target, o2o.foreignKey(), o2o.backPopulates(),
                    null, null, null, o2o.load(), Set.of(o2o.cascade()), o2o.chunkSize(), o2o.passiveDeletes(),
                    RelationOptions.NONE.withForeignKeys(List.of(o2o.foreignKeys())));
        }
        ManyToMany m2m = field.getAnnotation(ManyToMany.class);
        if (m2m != null) {
            return new RelationSpec(name, RelationSpec.Kind.MANY_TO_MANY, target, null, m2m.backPopulates(),
                    m2m.table(), m2m.column(), m2m.inverseColumn(), m2m.load(), Set.of(m2m.cascade()), m2m.chunkSize(), false,
                    new RelationOptions(m2m.orderBy(), List.of(), List.of(), "", List.of(), m2m.viewOnly()));
        }
        return new RelationSpec(name, RelationSpec.Kind.UNDECLARED, target, null, null, null, null, null,
                LoadStrategy.DEFAULT, Set.of(), 0);
    }

    private static Class<?> targetType(Field field) {
        if (field.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static ColumnSpec column(Field field) {
        return columnSpec(field).withTyping(typing(field));
    }

    /** {@code @Convert}, {@code @Json}, {@code @Enumerated}: how the values are stored. */
    private static TypeOptions typing(Field field) {
        Convert convert = field.getAnnotation(Convert.class);
        Enumerated enumerated = field.getAnnotation(Enumerated.class);
        if (convert == null && enumerated == null && !field.isAnnotationPresent(Json.class)) return TypeOptions.NONE;
        return new TypeOptions(null, convert == null ? null : convert.value(), field.isAnnotationPresent(Json.class),
                enumerated == null ? null : enumerated.value(), enumerated == null ? null : enumerated.typeName());
    }

    private static ColumnSpec columnSpec(Field field) {
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
                generation(field),
                field.isAnnotationPresent(Version.class),
                fk == null || fk.entity() == void.class ? null : fk.entity(),
                // @ForeignKey(table = "") without an entity stays "" (not null): configure reports it
                fk == null || (fk.table().isEmpty() && fk.entity() != void.class) ? null : fk.table(),
                fk == null || fk.column().isEmpty() ? null : fk.column(),
                TypeOptions.NONE, ColumnOptionsReader.read(field));
    }

    private static IdGeneration generation(Field field) {
        if (field.isAnnotationPresent(Identity.class)) return IdGeneration.IDENTITY;
        dev.braid.annotation.GeneratedUuid uuid = field.getAnnotation(dev.braid.annotation.GeneratedUuid.class);
        if (uuid != null) {
            return uuid.value() == dev.braid.annotation.UuidVersion.V4 ? IdGeneration.UUID_V4 : IdGeneration.UUID_V7;
        }
        return field.isAnnotationPresent(dev.braid.annotation.SequenceKey.class) ? IdGeneration.SEQUENCE : IdGeneration.ASSIGNED;
    }
}
