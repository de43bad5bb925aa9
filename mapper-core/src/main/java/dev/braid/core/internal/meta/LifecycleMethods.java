package dev.braid.core.internal.meta;

import dev.braid.annotation.AfterLoad;
import dev.braid.annotation.BeforeDelete;
import dev.braid.annotation.BeforeInsert;
import dev.braid.annotation.BeforeUpdate;
import dev.braid.error.MappingProblem;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An entity's lifecycle callbacks ({@code @BeforeInsert}, ... methods), found and checked once at configure
 * time, superclass methods first. mapper-core has no Reactor: a callback taking Reactor's
 * {@code ContextView} or returning a {@code Publisher} is recognised by the type names, and the reactive
 * layer passes the context and subscribes to what it returns.
 */
public final class LifecycleMethods {
    /** The lifecycle events. */
    public enum Event { BEFORE_INSERT, BEFORE_UPDATE, BEFORE_DELETE, AFTER_LOAD }

    /**
     * One callback.
     *
     * @param handle        the method, bound to nothing: {@code (entity)} or {@code (entity, context)}
     * @param takesContext  whether it takes the Reactor {@code ContextView}
     * @param returnsPublisher whether it returns a {@code Publisher} to subscribe to
     */
    public record Callback(MethodHandle handle, boolean takesContext, boolean returnsPublisher, String name) {}

    static final LifecycleMethods NONE = new LifecycleMethods(new EnumMap<>(Event.class));
    private static final String CONTEXT_VIEW = "reactor.util.context.ContextView";
    private static final String PUBLISHER = "org.reactivestreams.Publisher";

    private final Map<Event, List<Callback>> callbacks;

    private LifecycleMethods(Map<Event, List<Callback>> callbacks) {
        this.callbacks = callbacks;
    }

    /** The callbacks for one event, in the order to call them (empty when none). */
    public List<Callback> of(Event event) {
        return callbacks.getOrDefault(event, List.of());
    }

    /** True when the entity has no callback at all. */
    public boolean isEmpty() {
        return callbacks.isEmpty();
    }

    /** Finds and checks the annotated methods of {@code type}, reporting the ones Braid cannot call. */
    static LifecycleMethods find(Class<?> type, List<MappingProblem> problems) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) hierarchy.add(0, c);
        Map<Event, List<Callback>> found = new EnumMap<>(Event.class);
        for (Class<?> c : hierarchy) {
            for (Method method : c.getDeclaredMethods()) {
                add(type, method, BeforeInsert.class, Event.BEFORE_INSERT, found, problems);
                add(type, method, BeforeUpdate.class, Event.BEFORE_UPDATE, found, problems);
                add(type, method, BeforeDelete.class, Event.BEFORE_DELETE, found, problems);
                add(type, method, AfterLoad.class, Event.AFTER_LOAD, found, problems);
            }
        }
        return found.isEmpty() ? NONE : new LifecycleMethods(found);
    }

    private static void add(Class<?> type, Method method, Class<? extends Annotation> annotation, Event event,
                            Map<Event, List<Callback>> found, List<MappingProblem> problems) {
        if (!method.isAnnotationPresent(annotation)) return;
        String entity = type.getSimpleName();
        String name = method.getName() + "()";
        String at = "@" + annotation.getSimpleName();
        Class<?>[] parameters = method.getParameterTypes();
        boolean takesContext = parameters.length == 1 && parameters[0].getName().equals(CONTEXT_VIEW);
        boolean returnsPublisher = isPublisher(method.getReturnType());
        boolean afterLoad = event == Event.AFTER_LOAD;
        String problem = null;
        if (Modifier.isStatic(method.getModifiers())) {
            problem = "is static";
        } else if (parameters.length > 1 || parameters.length == 1 && (!takesContext || afterLoad)) {
            problem = "takes " + java.util.Arrays.stream(parameters).map(Class::getSimpleName).toList();
        } else if (method.getReturnType() != void.class && (!returnsPublisher || afterLoad)) {
            problem = "returns " + method.getReturnType().getSimpleName();
        }
        if (problem != null) {
            problems.add(new MappingProblem(MappingProblem.Kind.LIFECYCLE_METHOD, entity, method.getName(),
                    entity + "." + name + " is " + at + " but " + problem, afterLoad
                    ? "declare it as an instance method: void " + name + " (it must not block)"
                    : "declare it as an instance method: void " + method.getName() + "(), void " + method.getName()
                    + "(ContextView) or Mono<Void> " + method.getName() + "(ContextView)"));
            return;
        }
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            found.computeIfAbsent(event, e -> new ArrayList<>())
                    .add(new Callback(handle, takesContext, returnsPublisher, entity + "." + name));
        } catch (IllegalAccessException | RuntimeException e) {
            problems.add(new MappingProblem(MappingProblem.Kind.LIFECYCLE_METHOD, entity, method.getName(),
                    entity + "." + name + " cannot be called by Braid (" + e + ")",
                    "open the entity's package to dev.braid.core"));
        }
    }

    private static boolean isPublisher(Class<?> type) {
        if (type == null || type == void.class || type.isPrimitive()) return false;
        if (type.getName().equals(PUBLISHER)) return true;
        for (Class<?> i : type.getInterfaces()) if (isPublisher(i)) return true;
        return isPublisher(type.getSuperclass());
    }
}
