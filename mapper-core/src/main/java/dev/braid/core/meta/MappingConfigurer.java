package dev.braid.core.meta;

import dev.braid.core.error.MappingException;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one configure step: validates every {@link EntitySpec} against the others, collects every
 * problem (so a user fixes them in one pass, not one per run) and freezes the result.
 */
final class MappingConfigurer {
    private final List<EntitySpec> specs;
    private final List<String> problems = new ArrayList<>();

    MappingConfigurer(List<EntitySpec> specs) {
        this.specs = specs;
    }

    MappingRegistry configure() {
        Map<Class<?>, EntitySpec> byType = new LinkedHashMap<>();
        for (EntitySpec spec : specs) {
            if (byType.put(spec.type(), spec) != null) {
                problems.add(spec.type().getSimpleName() + " is registered twice. Fix: register each entity class once");
            }
        }
        checkTables(byType);
        List<EntityMapping> mappings = new ArrayList<>();
        Map<Class<?>, EntityMapping> frozen = new LinkedHashMap<>();
        for (EntitySpec spec : byType.values()) {
            EntityMapping mapping = freeze(spec, byType);
            if (mapping != null) {
                mappings.add(mapping);
                frozen.put(spec.type(), mapping);
            }
        }
        // Relationships between the entities that froze; those touching a broken entity are skipped,
        // since that entity's own problems are already reported.
        new RelationshipResolver(byType, frozen, problems).resolve();
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
        return new MappingRegistry(mappings);
    }

    private void checkTables(Map<Class<?>, EntitySpec> byType) {
        Map<String, EntitySpec> writableByTable = new HashMap<>();
        for (EntitySpec spec : byType.values()) {
            if (spec.type().isRecord()) {
                continue; // read-only record views of a table are allowed beside its entity
            }
            EntitySpec other = writableByTable.putIfAbsent(spec.table().toLowerCase(Locale.ROOT), spec);
            if (other != null) {
                problems.add(other.type().getSimpleName() + " and " + spec.type().getSimpleName()
                        + " are both mapped to table " + spec.table()
                        + ": their writes would conflict. Fix: map one of them to another table,"
                        + " or make the second a record (read-only view)");
            }
        }
    }

    private EntityMapping freeze(EntitySpec spec, Map<Class<?>, EntitySpec> byType) {
        Class<?> type = spec.type();
        String entity = type.getSimpleName();
        int problemsBefore = problems.size();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum()) {
            problems.add(entity + " cannot be an entity: it is an interface, enum or abstract class."
                    + " Fix: map a concrete class with a no-arg constructor, or a record");
            return null;
        }
        if (spec.columns().isEmpty()) {
            problems.add(entity + " has no persistent attributes. Fix: add fields, or remove it from the registry");
        }
        if (spec.columns().stream().noneMatch(ColumnSpec::id) && !type.isRecord()) {
            problems.add(entity + " has no id. Fix: annotate its primary-key field with @Id"
                    + " (or call .id(\"...\") in its EntityDefinition)");
        }
        Map<String, String> attributeByColumn = new HashMap<>();
        List<ColumnMapping> columns = new ArrayList<>();
        List<Field> columnFields = new ArrayList<>();
        long versions = spec.columns().stream().filter(ColumnSpec::version).count();
        if (versions > 1) {
            problems.add(entity + " has " + versions + " @Version attributes. Fix: keep one version column");
        }
        long identityCount = spec.columns().stream().filter(c -> c.generation() == IdGeneration.IDENTITY).count();
        long idCount = spec.columns().stream().filter(ColumnSpec::id).count();
        for (ColumnSpec column : spec.columns()) {
            String qualified = entity + "." + column.attribute();
            Optional<Field> field = PersistentFields.named(type, column.attribute());
            if (field.isEmpty()) {
                problems.add(qualified + " does not exist: " + entity + " has no field named '" + column.attribute()
                        + "'. Fix: correct the attribute name in its EntityDefinition");
                continue;
            }
            Class<?> javaType = field.get().getType();
            Optional<ValueType> valueType = ValueTypes.forClass(javaType);
            if (valueType.isEmpty()) {
                problems.add(qualified + " has type " + javaType.getName() + ", which is not a supported column type."
                        + " Supported: " + ValueTypes.supportedTypeNames() + ". Fix: change its type, or mark it @Transient");
                continue;
            }
            String previous = attributeByColumn.putIfAbsent(column.column().toLowerCase(Locale.ROOT), column.attribute());
            if (previous != null) {
                problems.add(entity + "." + previous + " and " + qualified + " both map to column '" + column.column()
                        + "' of table " + spec.table() + ". Fix: give one of them another @Column(name = ...)");
            }
            if (column.generation() == IdGeneration.IDENTITY) {
                if (!column.id()) {
                    problems.add(qualified + " is @Identity but not @Id. Fix: add @Id, or remove @Identity");
                } else if (idCount > 1) {
                    problems.add(qualified + " is @Identity inside a composite key. Fix: assign composite keys in the"
                            + " application, or use a single generated id");
                } else if (valueType.get().columnType() != ColumnType.INTEGER
                        && valueType.get().columnType() != ColumnType.BIGINT) {
                    problems.add(qualified + " is @Identity but has type " + javaType.getSimpleName()
                            + ". Fix: identity ids are int, Integer, long or Long");
                } else if (javaType.isPrimitive()) {
                    problems.add(qualified + " is @Identity but primitive " + javaType
                            + ": a new object's 0 cannot be told from a real id. Fix: use " + (javaType == long.class ? "Long" : "Integer"));
                }
            }
            if (identityCount > 1 && column.generation() == IdGeneration.IDENTITY) {
                identityCount = 0; // reported above as composite; avoid repeating it
            }
            if (column.version()) {
                ColumnType ct = valueType.get().columnType();
                if (ct != ColumnType.INTEGER && ct != ColumnType.BIGINT) {
                    problems.add(qualified + " is @Version but has type " + javaType.getSimpleName()
                            + ". Fix: version columns are int, Integer, long or Long");
                }
                if (column.id()) {
                    problems.add(qualified + " is both @Id and @Version. Fix: version a separate column");
                }
            }
            if (type.isRecord() && column.generation() == IdGeneration.IDENTITY) {
                problems.add(qualified + " is @Identity on a record: records are read-only and cannot receive"
                        + " generated ids. Fix: remove @Identity, or map a class instead of a record");
            }
            ForeignKeyTarget fk = column.hasForeignKey() ? resolveForeignKey(qualified, column, byType) : null;
            columns.add(new ColumnMapping(type, column, valueType.get(), fk, columns.size(), new FieldAccess(field.get())));
            columnFields.add(field.get());
        }
        ColumnFields fields = problems.size() > problemsBefore ? null : columnFields(type, columns, columnFields);
        Instantiator instantiator = instantiator(type, columns, fields);
        if (problems.size() > problemsBefore || instantiator == null) {
            return null;
        }
        return new EntityMapping(type, spec.table(), columns, instantiator, fields);
    }

    /** Generated access to every column's field at once, or null (records, inherited fields: field by field). */
    private static ColumnFields columnFields(Class<?> type, List<ColumnMapping> columns, List<Field> columnFields) {
        if (type.isRecord()) return null;
        List<ColumnMapping> ids = columns.stream().filter(ColumnMapping::isId).toList();
        try {
            return ColumnFieldsClass.define(MethodHandles.privateLookupIn(type, MethodHandles.lookup()), type, columnFields,
                    ids.size() == 1 ? ids.get(0).index() : -1);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private Instantiator instantiator(Class<?> type, List<ColumnMapping> columns, ColumnFields fields) {
        try {
            if (type.isRecord()) {
                return Instantiator.forRecord(type, columns.stream().map(ColumnMapping::attribute).toList());
            }
            return Instantiator.forClass(type, fields, columns);
        } catch (NoSuchMethodException e) {
            problems.add(type.getSimpleName() + " has no no-arg constructor, so Braid cannot create it from a row."
                    + " Fix: add one (it may be private or protected), or make it a record");
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(type.getSimpleName() + " cannot be instantiated by Braid (" + e + ")."
                    + " Fix: make the class and its constructor accessible (open its module/package)");
        }
        return null;
    }

    private ForeignKeyTarget resolveForeignKey(String qualified, ColumnSpec column, Map<Class<?>, EntitySpec> byType) {
        EntitySpec target = null;
        if (column.foreignKeyEntity() == null && column.foreignKeyTable().isBlank()) {
            problems.add(qualified + " is declared a foreign key without a target: its table is empty and it names no"
                    + " entity, so it would be a plain column with no constraint and no relationship could use it."
                    + " Fix: name the referenced entity, @ForeignKey(entity = Target.class), or its table,"
                    + " @ForeignKey(table = \"targets\") (in an EntityDefinition: .foreignKey(\"" + column.attribute()
                    + "\", Target.class)); or remove @ForeignKey if it is not one");
            return null;
        }
        if (column.foreignKeyEntity() != null) {
            target = byType.get(column.foreignKeyEntity());
            if (target == null) {
                problems.add(qualified + " is a foreign key to " + column.foreignKeyEntity().getSimpleName()
                        + ", which is not registered. Fix: register " + column.foreignKeyEntity().getSimpleName()
                        + " with the MappingRegistry builder");
                return null;
            }
            if (column.foreignKeyTable() != null && !column.foreignKeyTable().equalsIgnoreCase(target.table())) {
                problems.add(qualified + " names entity " + target.type().getSimpleName() + " (table " + target.table()
                        + ") and table '" + column.foreignKeyTable() + "' as its foreign-key target. Fix: name one of them");
                return null;
            }
        } else {
            for (EntitySpec candidate : byType.values()) {
                if (candidate.table().equalsIgnoreCase(column.foreignKeyTable()) && !candidate.type().isRecord()) {
                    target = candidate;
                }
            }
            if (target == null) {
                problems.add(qualified + " is a foreign key to table '" + column.foreignKeyTable()
                        + "', which no registered entity maps. Fix: register the entity mapped to '"
                        + column.foreignKeyTable() + "', or correct the table name");
                return null;
            }
        }
        List<ColumnSpec> targetIds = target.columns().stream().filter(ColumnSpec::id).toList();
        if (column.foreignKeyColumn() == null) {
            if (targetIds.size() != 1) {
                problems.add(qualified + " references " + target.type().getSimpleName() + ", which has "
                        + (targetIds.isEmpty() ? "no id" : "a composite id") + ". Fix: name the referenced column"
                        + " with @ForeignKey(column = ...)");
                return null;
            }
            return new ForeignKeyTarget(target.table(), targetIds.get(0).column());
        }
        boolean exists = target.columns().stream().anyMatch(c -> c.column().equalsIgnoreCase(column.foreignKeyColumn()));
        if (!exists) {
            problems.add(qualified + " references column '" + column.foreignKeyColumn() + "' of table " + target.table()
                    + ", which " + target.type().getSimpleName() + " does not map. Fix: name one of its columns: "
                    + target.columns().stream().map(ColumnSpec::column).toList());
            return null;
        }
        return new ForeignKeyTarget(target.table(), column.foreignKeyColumn());
    }
}
