package dev.braid.mapping.spi;

import java.util.List;

/**
 * Reads or writes every mapped field of one entity object in one call, in column order. Implemented by
 * the {@code Author_Fields} classes that Braid's annotation processor ({@code braid-processor}) generates
 * for every {@code @Entity} class, in the entity's package: straight-line field reads and writes, through
 * {@code static final} VarHandles for fields the package cannot reach. Public only because the generated
 * classes implement it; not for applications to implement or call. A mapping uses a generated class only
 * when its {@link #attributes()}, {@link #types()} and {@link #idAttribute()} are the mapping's own; else,
 * as when the processor did not run, it reads and writes the fields one by one through method handles.
 */
public interface ColumnFields {
    /** The attribute (field) names this class reads and writes, in its column order. */
    List<String> attributes();

    /** The declared types of those fields, in the same order. */
    List<Class<?>> types();

    /** The attribute {@link #id} reads: the single {@code @Id} field; null when it answers null. */
    String idAttribute();

    /** Stores {@code values[i]} into column {@code i}'s field (no nulls for primitive fields). */
    void write(Object entity, Object[] values);

    /** Copies column {@code i}'s field into {@code into[i]} (primitives boxed). */
    void read(Object entity, Object[] into);

    /** The id column's field (boxed) for an entity with a one-column key; null for composite keys. */
    Object id(Object entity);
}
