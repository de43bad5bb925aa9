package dev.braid.processor;

import java.util.Locale;
import java.util.Set;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Classifies an attribute's type for the metamodel: a {@code String} becomes a {@code StringAttribute},
 * a (boxed) type comparable to itself a {@code ComparableAttribute}, a relationship wrapper a
 * {@code Relation}, anything else a plain {@code Attribute}. Generic types (type variables, parameterized
 * or raw generic types such as {@code List<Book>}) and types the entity's package cannot name are skipped.
 */
final class AttributeTypes {

    private static final Set<String> RELATION_WRAPPERS = Set.of("dev.braid.relation.Reference",
            "dev.braid.relation.RelatedList", "dev.braid.relation.RelatedSet", "dev.braid.relation.WriteOnlyCollection");

    /** Outcome of classifying one attribute type. */
    record Classified(EntityModel.Kind kind, String valueType, String classLiteral, String unresolved) {
        static final Classified SKIP = new Classified(null, null, null, null);

        static Classified unresolved(TypeMirror type) {
            return new Classified(null, null, null, String.valueOf(type));
        }
    }

    // Element types of array columns (Braid's ArrayTypes): arrays and Lists of these get an ArrayAttribute.
    private static final Set<String> ARRAY_ELEMENTS = Set.of("java.lang.String", "java.lang.Integer", "java.lang.Long",
            "java.lang.Short", "java.lang.Double", "java.lang.Boolean", "java.math.BigDecimal", "java.util.UUID",
            "java.time.LocalDate");

    private final ProcessingEnvironment env;
    private final Diagnostics diagnostics;

    AttributeTypes(ProcessingEnvironment env, Diagnostics diagnostics) {
        this.env = env;
        this.diagnostics = diagnostics;
    }

    /** Whether a field of this type is a relationship (Braid maps it as no column). */
    static boolean isRelationWrapper(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && RELATION_WRAPPERS.contains(
                ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString());
    }

    Classified classify(EntityModel model, TypeMirror type, Element element) {
        switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE: {
                TypeElement boxed = env.getTypeUtils().boxedClass((PrimitiveType) type);
                return classify(model, boxed.asType(), element);
            }
            case ERROR:
                return Classified.unresolved(type);
            case ARRAY: {
                String component = arrayComponent(model, ((ArrayType) type).getComponentType(), element);
                if (component == null) {
                    return Classified.SKIP;
                }
                if (component.startsWith("?")) {
                    return new Classified(null, null, null, component.substring(1));
                }
                String elementType = arrayElement(((ArrayType) type).getComponentType());
                if (elementType != null) {
                    return new Classified(EntityModel.Kind.ARRAY, component + "[], " + elementType,
                            component + "[].class, " + elementType + ".class", null);
                }
                return new Classified(EntityModel.Kind.PLAIN, component + "[]", component + "[].class", null);
            }
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                TypeElement valueElement = (TypeElement) declared.asElement();
                if (isRelationWrapper(declared)) {
                    return relation(model, declared, element);
                }
                String listElement = listElement(declared);
                if (listElement != null) {
                    return new Classified(EntityModel.Kind.LIST, "java.util.List<" + listElement + ">, " + listElement,
                            listElement + ".class", null);
                }
                if (isGeneric(declared) || !accessible(model, valueElement, element)) {
                    return Classified.SKIP;
                }
                model.deprecated |= isDeprecatedChain(valueElement);
                String name = valueElement.getQualifiedName().toString();
                if (name.equals("java.lang.String")) {
                    return new Classified(EntityModel.Kind.STRING, name, name + ".class", null);
                }
                EntityModel.Kind kind = isSelfComparable(declared) ? EntityModel.Kind.COMPARABLE : EntityModel.Kind.PLAIN;
                return new Classified(kind, name, name + ".class", null);
            }
            default:
                // Type variables, wildcards, intersections: not a single reifiable class.
                return Classified.SKIP;
        }
    }

    /** The boxed element class name of an array column's component type, or null (byte[] stays binary). */
    private String arrayElement(TypeMirror component) {
        if (component.getKind().isPrimitive()) {
            if (component.getKind() == TypeKind.BYTE || component.getKind() == TypeKind.CHAR
                    || component.getKind() == TypeKind.FLOAT) {
                return null;
            }
            return env.getTypeUtils().boxedClass((PrimitiveType) component).getQualifiedName().toString();
        }
        if (component.getKind() != TypeKind.DECLARED) return null;
        String name = ((TypeElement) ((DeclaredType) component).asElement()).getQualifiedName().toString();
        return ARRAY_ELEMENTS.contains(name) ? name : null;
    }

    /** {@code List<String>} and other Lists of array elements: the element's name, else null. */
    private static String listElement(DeclaredType type) {
        if (!((TypeElement) type.asElement()).getQualifiedName().contentEquals("java.util.List")
                || type.getTypeArguments().size() != 1 || type.getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType argument = (DeclaredType) type.getTypeArguments().get(0);
        String name = ((TypeElement) argument.asElement()).getQualifiedName().toString();
        return ARRAY_ELEMENTS.contains(name) ? name : null;
    }

    /** {@code Reference<Author>} / {@code RelatedList<Book>}: a relationship reference to the type argument. */
    private Classified relation(EntityModel model, DeclaredType wrapper, Element element) {
        if (wrapper.getTypeArguments().size() != 1) {
            return Classified.SKIP;
        }
        TypeMirror argument = wrapper.getTypeArguments().get(0);
        if (argument.getKind() == TypeKind.ERROR) {
            return Classified.unresolved(argument);
        }
        if (argument.getKind() != TypeKind.DECLARED || isGeneric((DeclaredType) argument)) {
            return Classified.SKIP;
        }
        TypeElement target = (TypeElement) ((DeclaredType) argument).asElement();
        if (!accessible(model, target, element)) {
            return Classified.SKIP;
        }
        String name = target.getQualifiedName().toString();
        return new Classified(EntityModel.Kind.RELATION, name, name + ".class", null);
    }

    /**
     * Source text of an array component type, {@code null} when the array cannot be referenced with
     * a class literal (generic or inaccessible component), or {@code "?" + type} when unresolved.
     */
    private String arrayComponent(EntityModel model, TypeMirror component, Element element) {
        switch (component.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE:
                return component.getKind().name().toLowerCase(Locale.ROOT);
            case ERROR:
                return "?" + component;
            case ARRAY: {
                String inner = arrayComponent(model, ((ArrayType) component).getComponentType(), element);
                return inner == null || inner.startsWith("?") ? inner : inner + "[]";
            }
            case DECLARED: {
                DeclaredType declared = (DeclaredType) component;
                TypeElement valueElement = (TypeElement) declared.asElement();
                if (isGeneric(declared) || !accessible(model, valueElement, element)) {
                    return null;
                }
                model.deprecated |= isDeprecatedChain(valueElement);
                return valueElement.getQualifiedName().toString();
            }
            default:
                return null;
        }
    }

    /** Whether the generated class, in the entity's package, may name {@code type}; warns if not. */
    private boolean accessible(EntityModel model, TypeElement type, Element attribute) {
        if (nameableFrom(type, model.packageName)) {
            return true;
        }
        diagnostics.warning(attribute, "Attribute " + attribute.getSimpleName() + " of "
                + model.entity.getQualifiedName() + " has no metamodel reference: its type "
                + type.getQualifiedName() + " is not accessible from "
                + (model.packageName.isEmpty() ? "the unnamed package" : "package " + model.packageName));
        return false;
    }

    /** Whether code in {@code packageName} may name {@code type} (it and every enclosing type). */
    boolean nameableFrom(TypeElement type, String packageName) {
        String typePackage = env.getElementUtils().getPackageOf(type).getQualifiedName().toString();
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            Set<Modifier> modifiers = e.getModifiers();
            boolean ok = modifiers.contains(Modifier.PUBLIC)
                    || (!modifiers.contains(Modifier.PRIVATE) && typePackage.equals(packageName));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isGeneric(DeclaredType type) {
        if (!type.getTypeArguments().isEmpty()
                || !((TypeElement) type.asElement()).getTypeParameters().isEmpty()) {
            return true;
        }
        TypeMirror enclosing = type.getEnclosingType();
        return enclosing.getKind() == TypeKind.DECLARED && isGeneric((DeclaredType) enclosing);
    }

    /** {@code type <: Comparable<? super type>}, the bound of {@code Attribute.comparable}. */
    private boolean isSelfComparable(DeclaredType type) {
        TypeElement comparable = env.getElementUtils().getTypeElement("java.lang.Comparable");
        if (comparable == null) {
            return false;
        }
        var typeUtils = env.getTypeUtils();
        DeclaredType bound = typeUtils.getDeclaredType(comparable, typeUtils.getWildcardType(null, type));
        return typeUtils.isSubtype(type, bound);
    }

    boolean isDeprecatedChain(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (env.getElementUtils().isDeprecated(t)) {
                return true;
            }
        }
        return false;
    }
}
