package dev.braid.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads an entity's persistent attributes into an {@link EntityModel}, the way Braid's run-time mapping
 * reads them: the record components of a record, or, for a class, every field that is not {@code static},
 * not {@code transient} and not {@code @Transient}, including fields inherited from superclasses unless
 * hidden by a subclass field of the same name. Superclass attributes come first, each class's fields in
 * declaration order. Relationship wrappers ({@code Reference}, {@code RelatedList},
 * {@code WriteOnlyCollection}) are metamodel references but not columns.
 */
final class EntityReader {

    static final String TRANSIENT = "dev.braid.annotation.Transient";
    static final String ID = "dev.braid.annotation.Id";
    static final String EMBEDDED = "dev.braid.annotation.Embedded";

    private final ProcessingEnvironment env;
    private final AttributeTypes types;

    EntityReader(ProcessingEnvironment env, Diagnostics diagnostics) {
        this.env = env;
        this.types = new AttributeTypes(env, diagnostics);
    }

    EntityModel read(TypeElement entity, String packageName) {
        EntityModel model = new EntityModel(entity, packageName);
        model.deprecated = env.getElementUtils().isDeprecated(entity);
        if (model.isRecord()) {
            readRecord(model);
        } else {
            readClass(model);
        }
        return model;
    }

    private void readRecord(EntityModel model) {
        for (RecordComponentElement component : model.entity.getRecordComponents()) {
            if (hasAnnotation(component, TRANSIENT)) {
                continue;
            }
            add(model, component, component.getSimpleName().toString(), component.asType());
            if (model.unresolved != null) {
                return;
            }
        }
    }

    private void readClass(EntityModel model) {
        DeclaredType site = (DeclaredType) model.entity.asType();
        // Levels from the entity up; emitted from the topmost superclass down.
        List<List<VariableElement>> levels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TypeElement current = model.entity;
        while (current != null && !current.getQualifiedName().contentEquals("java.lang.Object")) {
            List<VariableElement> level = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
                String name = field.getSimpleName().toString();
                names.add(name);
                if (seen.contains(name)) {
                    continue; // hidden by a subclass field of the same name
                }
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)
                        || hasAnnotation(field, TRANSIENT)) {
                    continue;
                }
                level.add(field);
            }
            seen.addAll(names);
            levels.add(level);
            if (current != model.entity) {
                model.originating.add(current);
            }
            TypeMirror superclass = current.getSuperclass();
            if (superclass.getKind() == TypeKind.ERROR) {
                model.unresolved(String.valueOf(superclass), current);
                return;
            }
            current = superclass.getKind() == TypeKind.DECLARED
                    ? (TypeElement) ((DeclaredType) superclass).asElement()
                    : null;
        }
        for (int i = levels.size() - 1; i >= 0; i--) {
            for (VariableElement field : levels.get(i)) {
                if (hasAnnotation(field, EMBEDDED)) {
                    embedded(model, field);
                    if (model.unresolved != null) {
                        return;
                    }
                    continue;
                }
                add(model, field, field.getSimpleName().toString(), memberType(site, field));
                if (model.unresolved != null) {
                    return;
                }
                if (!AttributeTypes.isRelationWrapper(field.asType())) {
                    model.columns.add(new EntityModel.ColumnField(field, (TypeElement) field.getEnclosingElement(),
                            hasAnnotation(field, ID)));
                }
            }
        }
    }

    /** An {@code @Embedded} field: its value type's persistent fields, classified as an entity's are. */
    private void embedded(EntityModel model, VariableElement field) {
        TypeMirror type = field.asType();
        if (type.getKind() == TypeKind.ERROR) {
            model.unresolved(String.valueOf(type), field);
            return;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return; // not a value type: the run-time mapping reports it
        }
        TypeElement value = (TypeElement) ((DeclaredType) type).asElement();
        if ((value.getKind() != javax.lang.model.element.ElementKind.CLASS
                && value.getKind() != javax.lang.model.element.ElementKind.RECORD)
                || value.getQualifiedName().toString().startsWith("java.")) {
            return; // not a value type: the run-time mapping reports it
        }
        List<Element> components = new ArrayList<>();
        if (value.getKind() == javax.lang.model.element.ElementKind.RECORD) {
            for (RecordComponentElement c : value.getRecordComponents()) {
                if (!hasAnnotation(c, TRANSIENT)) components.add(c);
            }
        } else {
            List<List<Element>> levels = new ArrayList<>();
            for (TypeElement c = value; c != null && !c.getQualifiedName().contentEquals("java.lang.Object");
                 c = c.getSuperclass().getKind() == TypeKind.DECLARED
                         ? (TypeElement) ((DeclaredType) c.getSuperclass()).asElement() : null) {
                List<Element> level = new ArrayList<>();
                for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                    Set<Modifier> modifiers = f.getModifiers();
                    if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                            && !hasAnnotation(f, TRANSIENT) && !AttributeTypes.isRelationWrapper(f.asType())) {
                        level.add(f);
                    }
                }
                levels.add(0, level);
            }
            levels.forEach(components::addAll);
        }
        EntityModel scratch = new EntityModel(model.entity, model.packageName);
        for (Element c : components) {
            add(scratch, c, c.getSimpleName().toString(), c.asType());
            if (scratch.unresolved != null) {
                model.unresolved(scratch.unresolved, scratch.unresolvedAt);
                return;
            }
        }
        model.deprecated |= scratch.deprecated;
        model.originating.add(value);
        model.embedded.add(new EntityModel.EmbeddedValue(field.getSimpleName().toString(),
                value.getQualifiedName().toString(), List.copyOf(scratch.attributes)));
    }

    private void add(EntityModel model, Element element, String name, TypeMirror type) {
        AttributeTypes.Classified c = types.classify(model, type, element);
        if (c.unresolved() != null) {
            model.unresolved(c.unresolved(), element);
        } else if (c.kind() != null) {
            model.attributes.add(new EntityModel.Attribute(name, c.kind(), c.valueType(), c.classLiteral()));
        }
    }

    private TypeMirror memberType(DeclaredType site, VariableElement field) {
        try {
            return env.getTypeUtils().asMemberOf(site, field);
        } catch (RuntimeException e) {
            return field.asType();
        }
    }

    static boolean hasAnnotation(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(annotation)) {
                return true;
            }
        }
        return false;
    }
}
