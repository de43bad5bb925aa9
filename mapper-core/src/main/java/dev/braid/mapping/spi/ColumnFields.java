package dev.braid.mapping.spi;

import java.util.List;

import org.jspecify.annotations.Nullable;

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
    /**
     * The attribute (field) names this class reads and writes, in its column order.
     *
     * @return the attribute names
     */
    List<String> attributes();

    /**
     * The declared types of those fields, in the same order.
     *
     * @return the field types
     */
    List<Class<?>> types();

    /**
     * The attribute {@link #id} reads.
     *
     * @return the single {@code @Id} field's name; null when the key is composite ({@link #id} answers null)
     */
    @Nullable String idAttribute();

    /**
     * Stores {@code values[i]} into column {@code i}'s field.
     *
     * @param entity the entity object
     * @param values one value per column, in column order (no nulls for primitive fields)
     */
    void write(Object entity, @Nullable Object[] values);

    /**
     * Copies column {@code i}'s field into {@code into[i]} (primitives boxed).
     *
     * @param entity the entity object
     * @param into   an array of at least one element per column
     */
    void read(Object entity, @Nullable Object[] into);

    /**
     * The id of an entity with a one-column key.
     *
     * @param entity the entity object
     * @return the id field's value (boxed), null when unset or for composite keys
     */
    @Nullable Object id(Object entity);
}
