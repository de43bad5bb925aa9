package dev.braid.core.internal.meta;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/** One mapped attribute: its column, type, constraints and how to read and write it on an object. */
public final class ColumnMapping {
    private final Class<?> entityType;
    private final String attribute;
    private final String column;
    private final ValueType type;
    private final int length;
    private final int precision;
    private final int scale;
    private final boolean nullable;
    private final boolean unique;
    private final boolean id;
    private final IdGeneration generation;
    private final boolean version;
    private final ForeignKeyTarget foreignKey;
    private final int index;
    private final PropertyAccess access;
    private final ValueSource source;

    ColumnMapping(Class<?> entityType, ColumnSpec spec, ValueType type, ForeignKeyTarget foreignKey,
                  int index, PropertyAccess access) {
        this(entityType, spec, type, foreignKey, index, access, ValueSource.NONE);
    }

    ColumnMapping(Class<?> entityType, ColumnSpec spec, ValueType type, ForeignKeyTarget foreignKey,
                  int index, PropertyAccess access, ValueSource source) {
        this.source = source;
        this.entityType = entityType;
        this.attribute = spec.attribute();
        this.column = spec.column();
        this.type = type;
        this.length = spec.length();
        this.precision = spec.precision();
        this.scale = spec.scale();
        this.id = spec.id();
        // A primitive component of an embedded value is NULL when the whole value is.
        this.nullable = spec.nullable() && !spec.id() && !spec.version()
                && (!type.javaClass().isPrimitive() || access instanceof EmbeddedComponentAccess);
        this.unique = spec.unique();
        this.generation = spec.generation();
        this.version = spec.version();
        this.foreignKey = foreignKey;
        this.index = index;
        this.access = access;
    }

    public Class<?> entityType() { return entityType; }

    public String attribute() { return attribute; }

    public String column() { return column; }

    public ValueType type() { return type; }

    public int length() { return length; }

    public int precision() { return precision; }

    public int scale() { return scale; }

    public boolean nullable() { return nullable; }

    public boolean unique() { return unique; }

    public boolean isId() { return id; }

    public IdGeneration generation() { return generation; }

    public boolean isGenerated() { return generation == IdGeneration.IDENTITY; }

    public boolean isVersion() { return version; }

    /** Where a value of this attribute comes from besides the application: sequence, defaults, timestamps. */
    public ValueSource source() { return source; }

    /** The referenced table column, or null when this is not a foreign key. */
    public ForeignKeyTarget foreignKey() { return foreignKey; }

    /** Position in the entity's column list (and in SELECT lists built from it). */
    public int index() { return index; }

    /** How the attribute is read and written (an embedded component's goes through its value). */
    PropertyAccess access() { return access; }

    /** The attribute's Java value. */
    public Object get(Object entity) { return access.get(entity); }

    /** The attribute's value as the driver takes it. */
    public Object getForDatabase(Object entity) { return type.toDatabase(access.get(entity)); }

    public void set(Object entity, Object javaValue) { access.set(entity, javaValue); }

    /** Converts a driver value to this attribute's Java value, naming the attribute when it cannot. */
    public Object fromDatabase(Object databaseValue) {
        if (databaseValue == null && type.javaClass().isPrimitive() && !(access instanceof EmbeddedComponentAccess)
                && !(access instanceof SubclassFieldAccess)) { // a joined-table subclass column: read later
            throw new MapperException(ErrorCode.BRAID_CONVERSION, qualifiedName()
                    + " is a primitive " + type.javaClass() + " but column " + column
                    + " holds NULL. Fix: use the wrapper type, or make the column NOT NULL");
        }
        try {
            return type.fromDatabase(databaseValue);
        } catch (RuntimeException e) {
            throw new MapperException(ErrorCode.BRAID_CONVERSION, "Cannot convert value of column " + column
                    + " (" + databaseValue.getClass().getName() + ") to " + qualifiedName()
                    + " of type " + type.javaClass().getName() + ": " + e.getMessage(), e);
        }
    }

    /** {@code Author.name}: how errors name this attribute. */
    public String qualifiedName() { return entityType.getSimpleName() + "." + attribute; }

    @Override
    public String toString() { return qualifiedName() + " -> " + column; }
}
