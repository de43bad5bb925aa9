package dev.braid.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * What {@link EntityReader} found in one entity: the attributes its metamodel references and, for a
 * class, the fields its column accessor reads and writes, both in the run-time column order (superclass
 * fields first, each class's fields in declaration order).
 */
final class EntityModel {

    /** How an attribute is referenced in the metamodel. */
    /**
     * ARRAY and LIST attributes carry two type arguments in {@code valueType} ({@code "int[], java.lang.Integer"})
     * and the factory's class arguments in {@code classLiteral} ({@code "int[].class, java.lang.Integer.class"}).
     */
    enum Kind { STRING, COMPARABLE, PLAIN, RELATION, ARRAY, LIST }

    /** One metamodel reference: attribute name, kind, value type as source text and its class literal. */
    record Attribute(String name, Kind kind, String valueType, String classLiteral) { }

    /**
     * One persistent field that is a column (not a relationship wrapper): the field, the class declaring
     * it and whether it carries {@code @Id}.
     */
    record ColumnField(VariableElement field, TypeElement declaring, boolean id) {
        String name() {
            return field.getSimpleName().toString();
        }
    }

    /**
     * An {@code @Embedded} field: its name, its value type's canonical name and the metamodel references of
     * the value type's persistent fields (named by field; the metamodel prefixes them with {@code name.}).
     */
    record EmbeddedValue(String name, String valueType, List<Attribute> components) { }

    final TypeElement entity;
    /** The {@code @Embedded} fields: each gets a nested attribute holder, and the entity no column accessor. */
    final List<EmbeddedValue> embedded = new ArrayList<>();
    final String packageName;
    final List<Attribute> attributes = new ArrayList<>();
    final List<ColumnField> columns = new ArrayList<>();
    /** The entity and the superclasses it inherits fields from: the generated files depend on them. */
    final Set<Element> originating = new LinkedHashSet<>();
    /** Whether the generated code names a deprecated type (then it suppresses the warnings). */
    boolean deprecated;
    /** A type that could not be resolved yet, or null. */
    String unresolved;
    Element unresolvedAt;

    EntityModel(TypeElement entity, String packageName) {
        this.entity = entity;
        this.packageName = packageName;
        originating.add(entity);
    }

    boolean isRecord() {
        return entity.getKind() == javax.lang.model.element.ElementKind.RECORD;
    }

    void unresolved(String type, Element at) {
        unresolved = type;
        unresolvedAt = at;
    }
}
