package dev.braid.core.internal.meta;

import dev.braid.dialect.ColumnType;
import dev.braid.mapping.spi.ColumnFields;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The frozen mapping of one entity class to one table. */
public final class EntityMapping {
    private final Class<?> type;
    private final String table;
    private final List<ColumnMapping> columns;
    private final List<ColumnMapping> idColumns;
    private final ColumnMapping versionColumn;
    private final Map<String, ColumnMapping> byAttribute;
    private final Instantiator instantiator;
    // Generated access to all column fields at once; null where fields are accessed one by one.
    private final ColumnFields fields;
    private final ColumnMapping singleId;
    private final boolean readOnly;
    private final boolean plainColumnsOnly;
    private final KeyOrder keyOrder;
    private final boolean arrayBindable;
    // Asked for every row a flush writes: found once.
    private final Optional<ColumnMapping> generatedColumn;
    private final ValueSources valueSources;
    private LifecycleMethods lifecycle = LifecycleMethods.NONE;
    private List<RelationshipMapping> relationships = List.of();
    private Map<String, RelationshipMapping> relationshipsByName = Map.of();

    EntityMapping(Class<?> type, String table, List<ColumnMapping> columns, Instantiator instantiator, ColumnFields fields) {
        this.type = type;
        this.table = table;
        this.columns = List.copyOf(columns);
        // byte[] is excluded: a snapshot must hold its own copy of a mutable array.
        this.plainColumnsOnly = columns.stream().allMatch(c -> c.type().isPlain() && c.type().javaClass() != byte[].class);
        this.idColumns = columns.stream().filter(ColumnMapping::isId).toList();
        this.fields = fields;
        this.singleId = idColumns.size() == 1 ? idColumns.get(0) : null;
        this.keyOrder = new KeyOrder(this);
        this.generatedColumn = idColumns.stream().filter(ColumnMapping::isGenerated).findFirst();
        // bytea arrays cannot travel as one array bind.
        // byte[] and array columns (BINARY) cannot be elements of an array bind; JSON binds need a cast per
        // marker that H2's multi-row VALUES does not write: such rows go one statement each.
        this.arrayBindable = columns.stream().noneMatch(c -> c.type().columnType() == ColumnType.BINARY
                || c.type().sqlType() instanceof dev.braid.dialect.SqlType.Json);
        this.versionColumn = columns.stream().filter(ColumnMapping::isVersion).findFirst().orElse(null);
        Map<String, ColumnMapping> index = new LinkedHashMap<>();
        for (ColumnMapping c : columns) {
            index.put(c.attribute(), c);
        }
        this.byAttribute = Collections.unmodifiableMap(index);
        this.instantiator = instantiator;
        this.readOnly = type.isRecord();
        this.valueSources = ValueSources.of(this.columns);
    }

    /** Called once by the configure step: the entity's lifecycle callbacks. */
    EntityMapping withLifecycle(LifecycleMethods methods) {
        this.lifecycle = methods;
        return this;
    }

    // The inheritance hierarchy this mapping holds every class of; null for a plain entity.
    private Hierarchy hierarchy;

    /** Called once by the configure step for the base of an inheritance hierarchy. */
    EntityMapping inHierarchy(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
        return this;
    }

    /** The inheritance hierarchy mapped by this one mapping, or null for a plain entity. */
    public Hierarchy hierarchy() { return hierarchy; }

    /** The entity's lifecycle callbacks ({@code @BeforeInsert}, ... methods). */
    public LifecycleMethods lifecycle() { return lifecycle; }

    /** The attributes the flush or the session fills in: generated keys, defaults, timestamps. */
    public ValueSources valueSources() { return valueSources; }

    /** Called once by the configure step, after every entity is frozen. */
    void attach(List<RelationshipMapping> relationships) {
        this.relationships = List.copyOf(relationships);
        Map<String, RelationshipMapping> index = new LinkedHashMap<>();
        for (RelationshipMapping r : relationships) index.put(r.attribute(), r);
        this.relationshipsByName = Collections.unmodifiableMap(index);
    }

    public List<RelationshipMapping> relationships() { return relationships; }

    /**
     * Binds the relationship wrappers of {@code entity}, which is entering a session, to this registry's
     * sync rules (reverse names); what they could not sync before is back-populated now.
     */
    public void bindRelations(Object entity) {
        for (int i = 0; i < relationships.size(); i++) relationships.get(i).bindWrapper(entity);
    }

    public Optional<RelationshipMapping> relationship(String name) {
        return Optional.ofNullable(relationshipsByName.get(name));
    }

    // Reverses no field declares (a many-to-many without backPopulates), for queries only; set at configure.
    private Map<String, RelationshipMapping> implicitReverses = Map.of();

    void implicitReverses(Map<String, RelationshipMapping> reverses) {
        this.implicitReverses = Map.copyOf(reverses);
    }

    /**
     * The relationship, or an error naming it and the mapped ones. Besides the declared relationships this
     * finds the query-only reverse of a many-to-many declared without one ({@link ImplicitReverses#name}).
     */
    public RelationshipMapping requireRelationship(String name) {
        RelationshipMapping r = relationshipsByName.get(name);
        if (r == null) r = implicitReverses.get(name);
        if (r == null) {
            throw new MapperException(ErrorCode.BRAID_UNMAPPED, name() + "." + name + " is not a relationship."
                    + " Relationships of " + name() + ": " + relationshipsByName.keySet());
        }
        return r;
    }

    public Class<?> type() { return type; }

    public String table() { return table; }

    public String name() { return type.getSimpleName(); }

    /** All columns, in declaration order. */
    public List<ColumnMapping> columns() { return columns; }

    public List<ColumnMapping> idColumns() { return idColumns; }

    /** True when every column can travel in an array bind (batched writes); {@code byte[]}, array and JSON columns cannot. */
    public boolean arrayBindable() { return arrayBindable; }

    /** Orders objects of this entity by key (how loaded collections are ordered). */
    public java.util.Comparator<Object> keyOrder() { return keyOrder; }

    /** The optimistic-lock version column, if any. */
    public Optional<ColumnMapping> versionColumn() { return Optional.ofNullable(versionColumn); }

    /** The id column generated by the database, if any. */
    public Optional<ColumnMapping> generatedColumn() {
        return generatedColumn;
    }

    /** Records are read-only: they can be queried but not inserted, updated or deleted. */
    public boolean readOnly() { return readOnly; }

    public Optional<ColumnMapping> attribute(String name) {
        return Optional.ofNullable(byAttribute.get(name));
    }

    /** The attribute's column mapping, or an error naming the attribute and the mapped ones. */
    public ColumnMapping requireAttribute(String name) {
        ColumnMapping column = byAttribute.get(name);
        if (column == null) {
            throw new MapperException(ErrorCode.BRAID_UNMAPPED, name() + "." + name
                    + " is not a mapped attribute. Mapped attributes: " + byAttribute.keySet()
                    + ". Fix: use a generated reference (" + name() + "_." + "attribute) or correct the name");
        }
        return column;
    }

    /** Creates an object from Java values in column order. */
    /** True when every column's Java value is the driver's value (no conversion) and immutable. */
    public boolean hasPlainColumnsOnly() { return plainColumnsOnly; }

    public Object instantiate(Object[] javaValues) {
        return instantiator.create(columns, javaValues);
    }

    /**
     * The Java values of every column of {@code entity}, in column order, into {@code into} (at least
     * as long as {@link #columns()}): one call for the whole object where Braid generated its field
     * access, else field by field.
     */
    public void readColumns(Object entity, Object[] into) {
        if (fields != null) {
            fields.read(entity, into);
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            into[i] = columns.get(i).get(entity);
        }
    }

    /** The generated access to this entity's column fields, or null when they are accessed one by one. */
    ColumnFields columnFields() {
        return fields;
    }

    /** The id value of an object: a single value, a {@code List} for composite keys, null if any part is unset. */
    public Object idOf(Object entity) {
        if (singleId != null) {
            return fields != null ? fields.id(entity) : singleId.get(entity);
        }
        List<Object> parts = new ArrayList<>(idColumns.size());
        for (ColumnMapping c : idColumns) {
            Object part = c.get(entity);
            if (part == null) return null;
            parts.add(part);
        }
        return parts;
    }

    /** The key of an object with its id set, or null when its id is not set yet. */
    public EntityKey keyOf(Object entity) {
        if (idColumns.isEmpty()) return null;
        Object id = idOf(entity);
        return id == null ? null : new EntityKey(type, id);
    }

    /**
     * The key of a row a statement returned: its first values are the id columns' driver values, in
     * {@link #idColumns()} order (a {@code RETURNING id} or {@code OLD TABLE}/{@code FINAL TABLE} read-back).
     */
    public EntityKey keyOfReturned(Object[] row) {
        if (idColumns.size() == 1) return new EntityKey(type, idColumns.get(0).fromDatabase(row[0]));
        List<Object> parts = new java.util.ArrayList<>(idColumns.size());
        for (int i = 0; i < idColumns.size(); i++) parts.add(idColumns.get(i).fromDatabase(row[i]));
        return new EntityKey(type, parts);
    }

    /** The key for an id as a caller passes it to {@code get}: one value, or a {@code List} for composite keys. */
    public EntityKey keyFor(Object id) {
        if (idColumns.isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, name() + " is a projection without an id, so it has no"
                    + " rows to get by key. Fix: query it with select(" + name() + ".class).where(...)");
        }
        if (idColumns.size() > 1 && !(id instanceof List<?> parts && parts.size() == idColumns.size())) {
            throw new MapperException(ErrorCode.BRAID_QUERY, name() + " has a composite key "
                    + idColumns.stream().map(ColumnMapping::attribute).toList()
                    + "; pass its parts as a List in that order, e.g. List.of(1L, 2L)");
        }
        if (idColumns.size() == 1 && id instanceof List<?>) {
            throw new MapperException(ErrorCode.BRAID_QUERY, name() + " has a single id "
                    + idColumns.get(0).attribute() + "; pass the value itself, not a List");
        }
        List<?> parts = idColumns.size() == 1 ? List.of(id) : (List<?>) id;
        for (int i = 0; i < parts.size(); i++) {
            ColumnMapping column = idColumns.get(i);
            Class<?> expected = Boxing.boxed(column.type().javaClass());
            if (!expected.isInstance(parts.get(i))) {
                throw new MapperException(ErrorCode.BRAID_QUERY, column.qualifiedName() + " is " + expected.getSimpleName()
                        + " but the id given is " + parts.get(i).getClass().getSimpleName() + " " + parts.get(i)
                        + ". Fix: pass a " + expected.getSimpleName() + (expected == Long.class ? " (e.g. 1L)" : ""));
            }
        }
        return new EntityKey(type, id);
    }

    /** Values of the id columns of {@code key}, in id-column order. */
    public List<?> idParts(EntityKey key) {
        if (idColumns.size() == 1) return List.of(key.id());
        return (List<?>) key.id();
    }

    /** Reads every column of an object as driver values, in column order (a snapshot for dirty checking). */
    public Object[] readDatabaseValues(Object entity) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).getForDatabase(entity);
        }
        return values;
    }

    @Override
    public String toString() { return name() + " -> " + table; }
}
