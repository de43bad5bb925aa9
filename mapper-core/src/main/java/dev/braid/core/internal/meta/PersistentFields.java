package dev.braid.core.internal.meta;

import dev.braid.annotation.Transient;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the persistent fields of a class: declared and inherited, not static, not transient. */
final class PersistentFields {
    private PersistentFields() {}

    /** Superclass fields first, then the class's own, each in declaration order. */
    static List<Field> of(Class<?> type) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Class<?>> topDown = new ArrayList<>(hierarchy);
        // A subclass field hides a superclass field of the same name: walk bottom-up to keep the nearest.
        List<Field> collected = new ArrayList<>();
        for (int i = topDown.size() - 1; i >= 0; i--) {
            for (Field f : topDown.get(i).getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()
                        || f.isAnnotationPresent(Transient.class) || isRelation(f)
                        || f.getType() == dev.braid.relation.AssociationProxy.class) { // a view, not a column
                    continue;
                }
                if (seen.add(f.getName())) {
                    collected.add(f);
                }
            }
        }
        for (Class<?> c : topDown) {
            for (Field f : collected) {
                if (f.getDeclaringClass() == c) fields.add(f);
            }
        }
        return fields;
    }

    /** Relationship wrappers are not columns; the relationship annotations describe them. */
    static boolean isRelation(Field f) {
        return f.getType() == Reference.class || f.getType() == RelatedList.class
                || f.getType() == dev.braid.relation.RelatedSet.class
                || f.getType() == dev.braid.relation.WriteOnlyCollection.class;
    }

    /** Relationship fields: declared and inherited, in declaration order. */
    static List<Field> relations(Class<?> type) {
        List<Field> out = new ArrayList<>();
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) chain.push(c);
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && isRelation(f)) out.add(f);
            }
        }
        return out;
    }

    static Optional<Field> named(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return Optional.of(c.getDeclaredField(name));
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            }
        }
        return Optional.empty();
    }
}
