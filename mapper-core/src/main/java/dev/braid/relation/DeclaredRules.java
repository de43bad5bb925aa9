package dev.braid.relation;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.annotation.OneToOne;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules a class declares for its relationship wrapper fields, used by wrappers not yet bound to a
 * registry (objects built by application code, before they enter a session). Immutable facts of the
 * class, read once: each field's name, its type argument, and the {@code backPopulates} of its
 * relationship annotation; a field without annotation (fluent-builder mapping) has an unknown reverse.
 */
final class DeclaredRules {
    private static final ClassValue<Map<String, SyncRule>> RULES = new ClassValue<>() {
        @Override
        protected Map<String, SyncRule> computeValue(Class<?> type) {
            return Map.copyOf(scan(type));
        }
    };

    private DeclaredRules() {}

    /** The declared rule of {@code type.attribute}, or null when it has no wrapper field of that name. */
    static SyncRule find(Class<?> type, String attribute) {
        return RULES.get(type).get(attribute);
    }

    /** Every declared rule of {@code type}, by attribute. */
    static Map<String, SyncRule> of(Class<?> type) {
        return RULES.get(type);
    }

    /** The declared rule of the field of {@code owner} that holds {@code wrapper}. */
    static SyncRule holding(Object owner, Object wrapper) {
        for (SyncRule rule : RULES.get(owner.getClass()).values()) {
            if (rule.wrapperOf(owner) == wrapper) return rule;
        }
        throw new MapperException(ErrorCode.BRAID_MAPPING, "A relationship wrapper of " + owner.getClass().getSimpleName()
                + " is not held by any of its fields. Fix: create it in a field initialiser, e.g."
                + " final RelatedList<Book> books = RelatedList.of(this)");
    }

    private static Map<String, SyncRule> scan(Class<?> type) {
        Map<String, SyncRule> rules = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || rules.containsKey(field.getName())) continue;
                if (field.getType() != Reference.class && field.getType() != RelatedList.class && field.getType() != RelatedSet.class
                        && field.getType() != WriteOnlyCollection.class) continue;
                try {
                    VarHandle handle = MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflectVarHandle(field);
                    String reverse = annotatedReverse(field);
                    SyncRule rule = new SyncRule(type, field.getName(), typeArgument(field), o -> handle.get(o),
                            reverse, reverse != null, false);
                    if (annotatedViewOnly(field)) rule.markViewOnly();
                    rules.put(field.getName(), rule);
                } catch (IllegalAccessException e) {
                    throw new MapperException(ErrorCode.BRAID_INSTANTIATION, "Cannot access " + field
                            + ". Fix: open its package to dev.braid (module-info: opens ... to dev.braid.core)", e);
                }
            }
        }
        return rules;
    }

    private static Class<?> typeArgument(Field field) {
        if (field.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            Type argument = p.getActualTypeArguments()[0];
            if (argument instanceof Class<?> c) return c;
            if (argument instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) return c;
        }
        return Object.class;
    }

    private static boolean annotatedViewOnly(Field field) {
        OneToMany o2m = field.getAnnotation(OneToMany.class);
        ManyToMany m2m = field.getAnnotation(ManyToMany.class);
        ManyToOne m2o = field.getAnnotation(ManyToOne.class);
        return o2m != null && o2m.viewOnly() || m2m != null && m2m.viewOnly() || m2o != null && m2o.viewOnly();
    }

    /** The annotation's backPopulates ("" for none), or null when the field has no relationship annotation. */
    private static String annotatedReverse(Field field) {
        ManyToOne m2o = field.getAnnotation(ManyToOne.class);
        if (m2o != null) return m2o.backPopulates();
        OneToMany o2m = field.getAnnotation(OneToMany.class);
        if (o2m != null) return o2m.backPopulates();
        OneToOne o2o = field.getAnnotation(OneToOne.class);
        if (o2o != null) return o2o.backPopulates();
        ManyToMany m2m = field.getAnnotation(ManyToMany.class);
        if (m2m != null) return m2m.backPopulates();
        return null;
    }
}
