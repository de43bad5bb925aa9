package dev.braid.core.internal.meta;

import dev.braid.mapping.spi.ColumnFields;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Finds the {@link ColumnFields} that Braid's annotation processor generated for an entity class
 * ({@code pkg.Outer_Inner_Fields} for {@code pkg.Outer.Inner}), by name through the entity's class
 * loader. One look-up per mapping, which then holds the instance: no global cache. Absent (the processor
 * did not run, a record, a class it generates none for) or generated for other columns (an
 * {@code EntityDefinition} mapping other attributes, a stale build), the mapping reads and writes its
 * fields one by one ({@link FieldAccess}).
 */
final class GeneratedColumnFields {
    /** Appended to the metamodel's name ({@code Author_}) to name the generated accessor. */
    static final String SUFFIX = "Fields";

    private GeneratedColumnFields() {}

    /** {@code pkg.Outer_Inner_Fields} for {@code pkg.Outer$Inner}. */
    static String className(Class<?> type) {
        StringBuilder name = new StringBuilder(type.getSimpleName()).append('_');
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        String pkg = type.getPackageName();
        return (pkg.isEmpty() ? "" : pkg + ".") + name + SUFFIX;
    }

    /**
     * The generated accessor for {@code columns} ({@code fields}: their Java fields, in the same order), or
     * null when there is none for exactly these columns.
     *
     * @throws MapperException when the generated class exists but cannot be initialized (compiled against
     *                         another version of the entity)
     */
    static ColumnFields find(Class<?> type, List<ColumnMapping> columns, List<Field> fields) {
        if (type.isRecord() || type.isAnonymousClass() || type.isLocalClass()) {
            return null;
        }
        Class<?> generated;
        try {
            generated = Class.forName(className(type), false, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null; // the processor did not run for this class: field by field
        }
        if (!ColumnFields.class.isAssignableFrom(generated)) {
            return null; // an application class that happens to have the name
        }
        ColumnFields accessor = instantiate(type, generated);
        return matches(accessor, columns, fields) ? accessor : null;
    }

    private static boolean matches(ColumnFields accessor, List<ColumnMapping> columns, List<Field> fields) {
        List<String> attributes = accessor.attributes();
        List<Class<?>> types = accessor.types();
        if (attributes.size() != columns.size() || types.size() != columns.size()) return false;
        for (int i = 0; i < columns.size(); i++) {
            if (!attributes.get(i).equals(columns.get(i).attribute()) || types.get(i) != fields.get(i).getType()) {
                return false;
            }
        }
        List<ColumnMapping> ids = columns.stream().filter(ColumnMapping::isId).toList();
        // Only a single-column key reads the id through the accessor.
        return ids.size() != 1 || ids.get(0).attribute().equals(accessor.idAttribute());
    }

    private static ColumnFields instantiate(Class<?> type, Class<?> generated) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(generated, MethodHandles.lookup());
            return (ColumnFields) lookup.findConstructor(generated, MethodType.methodType(void.class)).invoke();
        } catch (IllegalAccessException e) {
            throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "Cannot access " + generated.getName()
                    + ". Fix: open its package to dev.braid (module-info: opens ... to dev.braid.core)", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            // A VarHandle whose field is gone (ExceptionInInitializerError), a missing constructor.
            throw new MapperException(ErrorCode.BRAID_INSTANTIATION, generated.getName() + ", generated for "
                    + type.getName() + ", cannot be created (" + e + "): it was compiled against another version of"
                    + " the entity. Fix: rebuild, so that Braid's annotation processor regenerates it", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw dev.braid.core.internal.util.Require.bug("a generated constructor threw " + e, e); // it only calls Object's
        }
    }
}
