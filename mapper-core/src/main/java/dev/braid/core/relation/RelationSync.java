package dev.braid.core.relation;

import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import dev.braid.core.meta.annotation.ManyToMany;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.meta.annotation.OneToOne;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps both ends of a relationship consistent in memory, the moment one end changes (SQLAlchemy's
 * back_populates). Knows, per class, which fields hold relationship wrappers and the name of each
 * one's reverse: from the relationship annotations, or registered by the mapping configure step for
 * classes mapped with the fluent builder.
 */
final class RelationSync {
    private static final ClassValue<Map<String, WrapperField>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, WrapperField> computeValue(Class<?> type) {
            return scan(type);
        }
    };
    private static final Map<Class<?>, Map<String, String>> REGISTERED_REVERSES = new ConcurrentHashMap<>();

    private RelationSync() {}

    /** A field holding a relationship wrapper; {@code targetType} is its type argument ({@code Object} when raw). */
    record WrapperField(String name, VarHandle handle, String annotatedReverse, Class<?> targetType) {}

    /**
     * Refuses, before anything changes, a member that {@code owner.attribute} cannot hold: null, or an
     * object of another class than the relationship's target (possible through raw types or unchecked
     * casts, and otherwise only found by the flush, far from the mistake).
     */
    static void requireMember(Object owner, String attribute, Object element, boolean nullAllowed) {
        if (element == null) {
            if (nullAllowed) return;
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, owner.getClass().getSimpleName() + "." + attribute
                    + " cannot hold null. Fix: add an object, or remove the member instead of setting null");
        }
        WrapperField f = FIELDS.get(owner.getClass()).get(attribute);
        if (f != null && !f.targetType().isInstance(element)) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, owner.getClass().getSimpleName() + "." + attribute
                    + " holds " + f.targetType().getSimpleName() + " objects, not " + element.getClass().getName()
                    + ". Fix: pass a " + f.targetType().getSimpleName() + " (a raw type or unchecked cast let this through)");
        }
    }

    static void registerReverse(Class<?> owner, String attribute, String reverse) {
        REGISTERED_REVERSES.computeIfAbsent(owner, k -> new ConcurrentHashMap<>()).put(attribute, reverse);
    }

    /** The name of the field of {@code owner} that holds {@code wrapper}. */
    static String attributeOf(Object owner, Object wrapper) {
        for (WrapperField f : FIELDS.get(owner.getClass()).values()) {
            if (f.handle().get(owner) == wrapper) return f.name();
        }
        throw new MapperException(ErrorCode.BRAID_MAPPING, "A relationship wrapper of " + owner.getClass().getSimpleName()
                + " is not held by any of its fields. Fix: create it in a field initialiser, e.g."
                + " final RelatedList<Book> books = RelatedList.of(this)");
    }

    static Object wrapper(Object entity, String attribute) {
        WrapperField f = FIELDS.get(entity.getClass()).get(attribute);
        return f == null ? null : f.handle().get(entity);
    }

    private static String reverseName(Class<?> owner, String attribute) {
        Map<String, String> registered = REGISTERED_REVERSES.get(owner);
        if (registered != null && registered.containsKey(attribute)) {
            String reverse = registered.get(attribute);
            return reverse.isEmpty() ? null : reverse;
        }
        WrapperField f = FIELDS.get(owner).get(attribute);
        return f == null || f.annotatedReverse().isEmpty() ? null : f.annotatedReverse();
    }

    /** {@code element} was added to {@code owner.attribute} (a collection). */
    static void added(Object owner, String attribute, Object element) {
        String reverse = reverseName(owner.getClass(), attribute);
        if (reverse == null || element == null) return;
        Object other = wrapper(element, reverse);
        if (other instanceof Reference<?> ref) {
            Object previous = ref.peek();
            ref.assignQuietly(owner);
            if (previous != null && previous != owner) {
                // The element moves from its previous parent's loaded collection to this one.
                Object old = wrapper(previous, attribute);
                if (old instanceof RelatedList<?> list) list.removeQuietly(element);
            }
        } else if (other instanceof RelatedList<?> list) {
            list.addQuietly(owner);
        }
    }

    /** {@code element} was removed from {@code owner.attribute} (a collection). */
    static void removed(Object owner, String attribute, Object element) {
        String reverse = reverseName(owner.getClass(), attribute);
        if (reverse == null || element == null) return;
        Object other = wrapper(element, reverse);
        if (other instanceof Reference<?> ref) {
            if (ref.peek() == owner) ref.assignQuietly(null);
        } else if (other instanceof RelatedList<?> list) {
            list.removeQuietly(owner);
        }
    }

    /** {@code owner.attribute} (a reference) changed from {@code previous} to {@code target}. */
    static void referenceChanged(Object owner, String attribute, Object previous, Object target) {
        String reverse = reverseName(owner.getClass(), attribute);
        if (reverse == null || previous == target) return;
        if (previous != null) {
            Object old = wrapper(previous, reverse);
            if (old instanceof RelatedList<?> list) list.removeQuietly(owner);
            else if (old instanceof WriteOnlyCollection<?> writeOnly) writeOnly.forgetQuietly(owner);
            else if (old instanceof Reference<?> ref && ref.peek() == owner) ref.assignQuietly(null);
        }
        if (target != null) {
            Object now = wrapper(target, reverse);
            if (now instanceof WriteOnlyCollection<?> writeOnly) {
                writeOnly.addQuietly(owner);
            } else if (now instanceof RelatedList<?> list) {
                list.addQuietly(owner);
            } else if (now instanceof Reference<?> ref) {
                Object displaced = ref.peek();
                ref.assignQuietly(owner);
                // One-to-one: the target's previous partner no longer points at it.
                if (displaced != null && displaced != owner && wrapper(displaced, attribute) instanceof Reference<?> back
                        && back.peek() == target) {
                    back.assignQuietly(null);
                }
            }
        }
    }

    private static Map<String, WrapperField> scan(Class<?> type) {
        Map<String, WrapperField> fields = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || fields.containsKey(field.getName())) continue;
                if (field.getType() != Reference.class && field.getType() != RelatedList.class
                        && field.getType() != WriteOnlyCollection.class) continue;
                try {
                    VarHandle handle = MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflectVarHandle(field);
                    fields.put(field.getName(), new WrapperField(field.getName(), handle, annotatedReverse(field),
                            typeArgument(field)));
                } catch (IllegalAccessException e) {
                    throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "Cannot access " + field
                            + ". Fix: open its package to dev.braid (module-info: opens ... to dev.braid.core)", e);
                }
            }
        }
        return fields;
    }

    private static Class<?> typeArgument(Field field) {
        if (field.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            Type argument = p.getActualTypeArguments()[0];
            if (argument instanceof Class<?> c) return c;
            if (argument instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) return c;
        }
        return Object.class;
    }

    private static String annotatedReverse(Field field) {
        ManyToOne m2o = field.getAnnotation(ManyToOne.class);
        if (m2o != null) return m2o.backPopulates();
        OneToMany o2m = field.getAnnotation(OneToMany.class);
        if (o2m != null) return o2m.backPopulates();
        OneToOne o2o = field.getAnnotation(OneToOne.class);
        if (o2o != null) return o2o.backPopulates();
        ManyToMany m2m = field.getAnnotation(ManyToMany.class);
        if (m2m != null) return m2m.backPopulates();
        return "";
    }
}
