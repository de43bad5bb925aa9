package dev.braid.core.internal.meta;

import dev.braid.dialect.ColumnType;
import dev.braid.mapping.spi.ColumnFields;
import dev.braid.error.MappingException;
import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;

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
public final class MappingConfigurer {
    private final List<EntitySpec> specs;
    private final List<MappingProblem> problems = new ArrayList<>();
    private final TypeResolver types;
    private final ValueSourceChecks valueSources = new ValueSourceChecks(problems);

    /** A configure step over the specs of every registered entity. */
    public MappingConfigurer(List<EntitySpec> specs) {
        this(specs, TypeSettings.DEFAULT);
    }

    /** A configure step with the registry's converters and JSON codec. */
    public MappingConfigurer(List<EntitySpec> specs, TypeSettings typeSettings) {
        this.specs = specs;
        this.types = new TypeResolver(typeSettings, problems);
    }

    /** Resolves, validates and freezes the mappings (the registry is built over them). */
    public List<EntityMapping> configure() {
        Map<Class<?>, EntitySpec> registered = new LinkedHashMap<>();
        for (EntitySpec spec : specs) {
            if (registered.put(spec.type(), spec) != null) {
                String entity = spec.type().getSimpleName();
                report(Kind.DUPLICATE_REGISTRATION, entity, null, entity + " is registered twice",
                        "register each entity class once");
            }
        }
        Hierarchies hierarchies = new Hierarchies(problems);
        Map<Class<?>, EntitySpec> byType = hierarchies.group(registered);
        checkTables(byType);
        List<EntityMapping> mappings = new ArrayList<>();
        Map<Class<?>, EntityMapping> frozen = new LinkedHashMap<>();
        // Lookups by class also find a hierarchy's subclasses (as their base's spec and mapping).
        Map<Class<?>, EntitySpec> lookup = new LinkedHashMap<>(byType);
        hierarchies.baseOf().forEach((member, base) -> lookup.put(member, byType.get(base)));
        for (EntitySpec spec : byType.values()) {
            EntityMapping mapping = freeze(spec, lookup, hierarchies.draft(spec.type()));
            if (mapping != null) {
                mappings.add(mapping);
                frozen.put(spec.type(), mapping);
            }
        }
        hierarchies.baseOf().forEach((member, base) -> {
            if (frozen.containsKey(base)) frozen.put(member, frozen.get(base));
        });
        // Relationships between the entities that froze; those touching a broken entity are skipped,
        // since that entity's own problems are already reported.
        new RelationshipResolver(lookup, frozen, problems).resolve();
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
        return mappings;
    }

    private void checkTables(Map<Class<?>, EntitySpec> byType) {
        Map<String, EntitySpec> writableByTable = new HashMap<>();
        for (EntitySpec spec : byType.values()) {
            if (spec.type().isRecord()) {
                continue; // read-only record views of a table are allowed beside its entity
            }
            EntitySpec other = writableByTable.putIfAbsent(spec.table().toLowerCase(Locale.ROOT), spec);
            if (other != null) {
                report(Kind.DUPLICATE_TABLE, spec.type().getSimpleName(), null, other.type().getSimpleName() + " and "
                        + spec.type().getSimpleName() + " are both mapped to table " + spec.table()
                        + ": their writes would conflict", "map one of them to another table,"
                        + " or make the second a record (read-only view)");
            }
        }
    }

    private EntityMapping freeze(EntitySpec spec, Map<Class<?>, EntitySpec> byType, HierarchyDraft hierarchy) {
        Class<?> type = spec.type();
        String entity = type.getSimpleName();
        int problemsBefore = problems.size();
        if (type.isInterface() || (Modifier.isAbstract(type.getModifiers()) && hierarchy == null) || type.isEnum()) {
            report(Kind.NOT_CONCRETE, entity, null, entity + " cannot be an entity: it is an interface, enum or"
                    + " abstract class", "map a concrete class with a no-arg constructor, or a record");
            return null;
        }
        if (spec.columns().isEmpty()) {
            report(Kind.NO_ATTRIBUTES, entity, null, entity + " has no persistent attributes",
                    "add fields, or remove it from the registry");
        }
        if (spec.columns().stream().noneMatch(ColumnSpec::id) && !type.isRecord()) {
            report(Kind.MISSING_ID, entity, null, entity + " has no id",
                    "annotate its primary-key field with @Id (or call .id(\"...\") in its EntityDefinition)");
        }
        Map<String, String> attributeByColumn = new HashMap<>();
        List<ColumnMapping> columns = new ArrayList<>();
        List<Field> columnFields = new ArrayList<>();
        long versions = spec.columns().stream().filter(ColumnSpec::version).count();
        if (versions > 1) {
            report(Kind.MULTIPLE_VERSIONS, entity, null, entity + " has " + versions + " @Version attributes",
                    "keep one version column");
        }
        long identityCount = spec.columns().stream().filter(c -> c.generation() == IdGeneration.IDENTITY).count();
        long idCount = spec.columns().stream().filter(ColumnSpec::id).count();
        EmbeddedComponents embedded = new EmbeddedComponents(type, hierarchy, problems);
        for (ColumnSpec column : spec.columns()) {
            String attribute = column.attribute();
            String qualified = entity + "." + attribute;
            EmbeddedComponents.Component component = null;
            if (EmbeddedComponents.isComponent(attribute) && (component = embedded.resolve(column)) == null) continue;
            Optional<Field> field = component != null ? Optional.of(component.field())
                    : hierarchy == null ? PersistentFields.named(type, column.attribute())
                    : hierarchy.field(column.attribute());
            if (field.isEmpty()) {
                report(Kind.UNKNOWN_ATTRIBUTE, entity, attribute, qualified + " does not exist: " + entity
                        + " has no field named '" + attribute + "'", "correct the attribute name in its EntityDefinition");
                continue;
            }
            Class<?> javaType = field.get().getType();
            Optional<ValueType> valueType = Optional.ofNullable(types.resolve(entity, column, field.get()));
            if (valueType.isEmpty()) continue; // reported by the resolver
            String previous = attributeByColumn.putIfAbsent(column.column().toLowerCase(Locale.ROOT), column.attribute());
            if (previous != null) {
                report(Kind.DUPLICATE_COLUMN, entity, attribute, entity + "." + previous + " and " + qualified
                        + " both map to column '" + column.column() + "' of table " + spec.table(),
                        EmbeddedComponents.isComponent(attribute) || EmbeddedComponents.isComponent(previous)
                                ? "give the @Embedded value another prefix (.prefix(...)) or one of them another"
                                + " @Column(name = ...)" : "give one of them another @Column(name = ...)");
            }
            if (column.generation() == IdGeneration.IDENTITY) {
                if (!column.id()) {
                    report(Kind.IDENTITY_NOT_ID, entity, attribute, qualified + " is @Identity but not @Id",
                            "add @Id, or remove @Identity");
                } else if (idCount > 1) {
                    report(Kind.IDENTITY_IN_COMPOSITE_KEY, entity, attribute, qualified + " is @Identity inside a"
                            + " composite key", "assign composite keys in the application, or use a single generated id");
                } else if (valueType.get().columnType() != ColumnType.INTEGER
                        && valueType.get().columnType() != ColumnType.BIGINT) {
                    report(Kind.IDENTITY_TYPE, entity, attribute, qualified + " is @Identity but has type "
                            + javaType.getSimpleName(), "identity ids are int, Integer, long or Long");
                } else if (javaType.isPrimitive()) {
                    report(Kind.IDENTITY_PRIMITIVE, entity, attribute, qualified + " is @Identity but primitive "
                            + javaType + ": a new object's 0 cannot be told from a real id",
                            "use " + (javaType == long.class ? "Long" : "Integer"));
                }
            }
            if (identityCount > 1 && column.generation() == IdGeneration.IDENTITY) {
                identityCount = 0; // reported above as composite; avoid repeating it
            }
            if (column.version()) {
                ColumnType ct = valueType.get().columnType();
                if (ct != ColumnType.INTEGER && ct != ColumnType.BIGINT) {
                    report(Kind.VERSION_TYPE, entity, attribute, qualified + " is @Version but has type "
                            + javaType.getSimpleName(), "version columns are int, Integer, long or Long");
                }
                if (column.id()) {
                    report(Kind.VERSION_ON_ID, entity, attribute, qualified + " is both @Id and @Version",
                            "version a separate column");
                }
            }
            if (type.isRecord() && column.generation() == IdGeneration.IDENTITY) {
                report(Kind.IDENTITY_ON_RECORD, entity, attribute, qualified + " is @Identity on a record: records"
                        + " are read-only and cannot receive generated ids", "remove @Identity, or map a class instead of a record");
            }
            ForeignKeyTarget fk = column.hasForeignKey() ? resolveForeignKey(entity, column, byType) : null;
            ValueSource source = valueSources.check(spec, column, field.get(), idCount);
            columns.add(new ColumnMapping(type, column, valueType.get(), fk, columns.size(),
                    component != null ? component.access()
                            : hierarchy == null ? new FieldAccess(field.get()) : hierarchy.access(field.get()), source));
            columnFields.add(field.get());
        }
        if (hierarchy != null) return InheritedMappings.freeze(spec, columns, hierarchy, problems, problemsBefore);
        ColumnFields fields = problems.size() > problemsBefore || embedded.any() ? null
                : columnFields(type, columns, columnFields);
        Instantiator instantiator = instantiator(type, columns, fields);
        LifecycleMethods lifecycle = LifecycleMethods.find(type, problems);
        if (problems.size() > problemsBefore || instantiator == null) {
            return null;
        }
        return new EntityMapping(type, spec.table(), columns, instantiator, fields).withLifecycle(lifecycle);
    }

    /** The processor-generated access to every column's field at once, or null: field by field. */
    private static ColumnFields columnFields(Class<?> type, List<ColumnMapping> columns, List<Field> columnFields) {
        return GeneratedColumnFields.find(type, columns, columnFields);
    }

    private Instantiator instantiator(Class<?> type, List<ColumnMapping> columns, ColumnFields fields) {
        try {
            if (columns.stream().anyMatch(c -> c.access() instanceof EmbeddedComponentAccess)) {
                return EmbeddedInstantiator.of(type, columns);
            }
            if (type.isRecord()) {
                return Instantiator.forRecord(type, columns.stream().map(ColumnMapping::attribute).toList());
            }
            return Instantiator.forClass(type, fields, columns);
        } catch (NoSuchMethodException e) {
            report(Kind.NO_CONSTRUCTOR, type.getSimpleName(), null, type.getSimpleName() + " has no no-arg"
                    + " constructor, so Braid cannot create it from a row", "add one (it may be private or protected),"
                    + " or make it a record");
        } catch (ReflectiveOperationException | RuntimeException e) {
            report(Kind.NOT_INSTANTIABLE, type.getSimpleName(), null, type.getSimpleName() + " cannot be"
                    + " instantiated by Braid (" + e + ")", "make the class and its constructor accessible"
                    + " (open its module/package)");
        }
        return null;
    }

    private ForeignKeyTarget resolveForeignKey(String entity, ColumnSpec column, Map<Class<?>, EntitySpec> byType) {
        String attribute = column.attribute();
        String qualified = entity + "." + attribute;
        EntitySpec target = null;
        if (column.foreignKeyEntity() == null && column.foreignKeyTable().isBlank()) {
            report(Kind.FOREIGN_KEY_WITHOUT_TARGET, entity, attribute, qualified + " is declared a foreign key"
                    + " without a target: its table is empty and it names no entity, so it would be a plain column"
                    + " with no constraint and no relationship could use it", "name the referenced entity,"
                    + " @ForeignKey(entity = Target.class), or its table, @ForeignKey(table = \"targets\") (in an"
                    + " EntityDefinition: .foreignKey(\"" + attribute + "\", Target.class)); or remove @ForeignKey if it is not one");
            return null;
        }
        if (column.foreignKeyEntity() != null) {
            target = byType.get(column.foreignKeyEntity());
            if (target == null) {
                String missing = column.foreignKeyEntity().getSimpleName();
                report(Kind.FOREIGN_KEY_ENTITY_NOT_REGISTERED, entity, attribute, qualified + " is a foreign key to "
                        + missing + ", which is not registered", "register " + missing + " with the MappingRegistry builder");
                return null;
            }
            if (column.foreignKeyTable() != null && !column.foreignKeyTable().equalsIgnoreCase(target.table())) {
                report(Kind.FOREIGN_KEY_TARGET_CONFLICT, entity, attribute, qualified + " names entity "
                        + target.type().getSimpleName() + " (table " + target.table() + ") and table '"
                        + column.foreignKeyTable() + "' as its foreign-key target", "name one of them");
                return null;
            }
        } else {
            for (EntitySpec candidate : byType.values()) {
                if (candidate.table().equalsIgnoreCase(column.foreignKeyTable()) && !candidate.type().isRecord()) {
                    target = candidate;
                }
            }
            if (target == null) {
                report(Kind.FOREIGN_KEY_TABLE_NOT_MAPPED, entity, attribute, qualified + " is a foreign key to table '"
                        + column.foreignKeyTable() + "', which no registered entity maps", "register the entity mapped"
                        + " to '" + column.foreignKeyTable() + "', or correct the table name");
                return null;
            }
        }
        List<ColumnSpec> targetIds = target.columns().stream().filter(ColumnSpec::id).toList();
        if (column.foreignKeyColumn() == null) {
            if (targetIds.size() != 1) {
                report(Kind.FOREIGN_KEY_TARGET_ID, entity, attribute, qualified + " references "
                        + target.type().getSimpleName() + ", which has " + (targetIds.isEmpty() ? "no id" : "a composite id"),
                        "name the referenced column with @ForeignKey(column = ...)");
                return null;
            }
            return new ForeignKeyTarget(target.table(), targetIds.get(0).column());
        }
        boolean exists = target.columns().stream().anyMatch(c -> c.column().equalsIgnoreCase(column.foreignKeyColumn()));
        if (!exists) {
            report(Kind.FOREIGN_KEY_COLUMN_NOT_MAPPED, entity, attribute, qualified + " references column '"
                    + column.foreignKeyColumn() + "' of table " + target.table() + ", which "
                    + target.type().getSimpleName() + " does not map",
                    "name one of its columns: " + target.columns().stream().map(ColumnSpec::column).toList());
            return null;
        }
        return new ForeignKeyTarget(target.table(), column.foreignKeyColumn());
    }

    private void report(Kind kind, String entity, String attribute, String problem, String fix) {
        problems.add(new MappingProblem(kind, entity, attribute, problem, fix));
    }
}
