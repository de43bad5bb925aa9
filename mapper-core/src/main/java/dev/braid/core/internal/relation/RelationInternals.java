package dev.braid.core.internal.relation;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Braid's own access to relationship wrappers (loading them, marking them unloaded, reading them
 * without the loaded check, binding them to a registry's sync rules), for the planners and the
 * reactive layer. The wrappers' package keeps these operations package-private, so applications
 * cannot call them; this class reaches them through method handles looked up once, with private
 * access, inside Braid's own module. Held in {@code static final} fields, the handles are constants
 * to the JIT and cost what a direct call costs.
 */
public final class RelationInternals {
    private static final Class<?> TARGET = target();
    private static final MethodHandles.Lookup LOOKUP = lookup(TARGET);

    private static final MethodHandle UNLOAD = find("unload", MethodType.methodType(void.class, Object.class));
    private static final MethodHandle IS_LOADED = find("isLoaded", MethodType.methodType(boolean.class, Object.class));
    private static final MethodHandle LOAD_REFERENCE = find("loadReference", MethodType.methodType(void.class, Object.class, Object.class));
    private static final MethodHandle LOAD_COLLECTION = find("loadCollection", MethodType.methodType(void.class, Object.class, List.class));
    private static final MethodHandle STAGE = find("stage", MethodType.methodType(void.class, Object.class, Object.class));
    private static final MethodHandle STAGED = find("staged", MethodType.methodType(Object.class, Object.class));
    private static final MethodHandle FINISH_LOADING = find("finishLoading", MethodType.methodType(void.class, Object.class, java.util.Comparator.class));
    private static final MethodHandle ADD_QUIETLY = find("addQuietly", MethodType.methodType(void.class, Object.class, Object.class));
    private static final MethodHandle REMOVE_QUIETLY = find("removeQuietly", MethodType.methodType(void.class, Object.class, Object.class));
    private static final MethodHandle NOLOAD_REFERENCE = find("noloadReference", MethodType.methodType(void.class, Object.class));
    private static final MethodHandle IS_ASSIGNED = find("isAssigned", MethodType.methodType(boolean.class, Object.class));
    private static final MethodHandle PEEK_REFERENCE = find("peekReference", MethodType.methodType(Object.class, Object.class));
    private static final MethodHandle PEEK_COLLECTION = find("peekCollection", MethodType.methodType(List.class, Object.class));
    private static final MethodHandle WRITE_ONLY_ADDITIONS = find("writeOnlyAdditions", MethodType.methodType(List.class, Object.class));
    private static final MethodHandle WRITE_ONLY_REMOVALS = find("writeOnlyRemovals", MethodType.methodType(List.class, Object.class));
    private static final MethodHandle CLEAR_WRITE_ONLY = find("clearWriteOnly", MethodType.methodType(Runnable.class, Object.class));
    private static final MethodHandle IS_WRITE_ONLY = find("isWriteOnly", MethodType.methodType(boolean.class, Object.class));
    private static final MethodHandle WRITE_ONLY_OWNER = find("writeOnlyOwner", MethodType.methodType(Object.class, Object.class));
    private static final MethodHandle WRITE_ONLY_ATTRIBUTE = find("writeOnlyAttribute", MethodType.methodType(String.class, Object.class));
    private static final MethodHandle REGISTRY_RULE = find("registryRule", MethodType.methodType(Object.class, Class.class, String.class, Class.class, java.util.function.Function.class, String.class));
    private static final MethodHandle MARK_VIEW_ONLY = find("markViewOnly", MethodType.methodType(void.class, Object.class));
    private static final MethodHandle PAIR = find("pair", MethodType.methodType(void.class, Object.class, Object.class));
    private static final MethodHandle BIND = find("bind", MethodType.methodType(void.class, Object.class, Object.class));
    private static final MethodHandle UNLOAD_2 = find("unload", MethodType.methodType(void.class, Object.class, Object.class));

    private RelationInternals() {}

    /** Braid-internal: see the wrappers' package-private {@code Internals.unload}. */
    public static void unload(Object wrapper) {
        try {
            UNLOAD.invokeExact(wrapper);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.isLoaded}. */
    public static boolean isLoaded(Object wrapper) {
        try {
            return (boolean) IS_LOADED.invokeExact(wrapper);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.loadReference}. */
    public static void loadReference(Object reference, Object target) {
        try {
            LOAD_REFERENCE.invokeExact(reference, target);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.loadCollection}. */
    public static void loadCollection(Object collection, List<?> contents) {
        try {
            LOAD_COLLECTION.invokeExact(collection, contents);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.stage}. */
    public static void stage(Object wrapper, Object target) {
        try {
            STAGE.invokeExact(wrapper, target);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.staged}. */
    public static Object staged(Object reference) {
        try {
            return (Object) STAGED.invokeExact(reference);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.finishLoading}. */
    public static void finishLoading(Object wrapper, java.util.Comparator<Object> order) {
        try {
            FINISH_LOADING.invokeExact(wrapper, order);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.addQuietly}. */
    public static void addQuietly(Object collection, Object element) {
        try {
            ADD_QUIETLY.invokeExact(collection, element);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.removeQuietly}. */
    public static void removeQuietly(Object collection, Object element) {
        try {
            REMOVE_QUIETLY.invokeExact(collection, element);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.noloadReference}. */
    public static void noloadReference(Object reference) {
        try {
            NOLOAD_REFERENCE.invokeExact(reference);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.isAssigned}. */
    public static boolean isAssigned(Object reference) {
        try {
            return (boolean) IS_ASSIGNED.invokeExact(reference);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.peekReference}. */
    public static Object peekReference(Object reference) {
        try {
            return (Object) PEEK_REFERENCE.invokeExact(reference);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.peekCollection}. */
    public static List<?> peekCollection(Object collection) {
        try {
            return (List) PEEK_COLLECTION.invokeExact(collection);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.writeOnlyAdditions}. */
    public static List<?> writeOnlyAdditions(Object collection) {
        try {
            return (List) WRITE_ONLY_ADDITIONS.invokeExact(collection);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.writeOnlyRemovals}. */
    public static List<?> writeOnlyRemovals(Object collection) {
        try {
            return (List) WRITE_ONLY_REMOVALS.invokeExact(collection);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.clearWriteOnly}. */
    public static Runnable clearWriteOnly(Object collection) {
        try {
            return (Runnable) CLEAR_WRITE_ONLY.invokeExact(collection);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.isWriteOnly}. */
    public static boolean isWriteOnly(Object wrapper) {
        try {
            return (boolean) IS_WRITE_ONLY.invokeExact(wrapper);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.writeOnlyOwner}. */
    public static Object writeOnlyOwner(Object collection) {
        try {
            return (Object) WRITE_ONLY_OWNER.invokeExact(collection);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.writeOnlyAttribute}. */
    public static String writeOnlyAttribute(Object collection) {
        try {
            return (String) WRITE_ONLY_ATTRIBUTE.invokeExact(collection);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.registryRule}. */
    public static Object registryRule(Class<?> owner, String attribute, Class<?> target, java.util.function.Function<Object, Object> access, String reverseName) {
        try {
            return (Object) REGISTRY_RULE.invokeExact(owner, attribute, target, access, reverseName);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.markViewOnly}. */
    public static void markViewOnly(Object rule) {
        try {
            MARK_VIEW_ONLY.invokeExact(rule);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.pair}. */
    public static void pair(Object ruleObject, Object reverseObject) {
        try {
            PAIR.invokeExact(ruleObject, reverseObject);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.bind}. */
    public static void bind(Object wrapper, Object rule) {
        try {
            BIND.invokeExact(wrapper, rule);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Braid-internal: see the wrappers' package-private {@code Internals.unload}. */
    public static void unload(Object wrapper, Object ruleObject) {
        try {
            UNLOAD_2.invokeExact(wrapper, ruleObject);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static Class<?> target() {
        try {
            return Class.forName("dev.braid.relation.Internals", true, RelationInternals.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandles.Lookup lookup(Class<?> target) {
        try {
            return MethodHandles.privateLookupIn(target, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle find(String name, MethodType type) {
        try {
            return LOOKUP.findStatic(TARGET, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        return new MapperException(ErrorCode.BRAID_INTERNAL, "A relationship wrapper operation failed: " + e, e);
    }
}
