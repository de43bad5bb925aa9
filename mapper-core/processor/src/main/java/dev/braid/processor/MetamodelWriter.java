package dev.braid.processor;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Writes the static metamodel {@code Author_}: one {@code public static final} attribute reference per
 * persistent attribute, so that queries say {@code Author_.name.eq("Ann")} and a renamed field breaks the
 * build. Generated code names every type by its canonical name and calls the factories through static
 * imports, so neither an entity called {@code Order} nor a field called {@code dev} can shadow Braid's types.
 */
final class MetamodelWriter {

    private static final String QUERY_PACKAGE = "dev.braid.query";
    private static final String ATTRIBUTE = QUERY_PACKAGE + ".Attribute";

    private final ProcessingEnvironment env;

    MetamodelWriter(ProcessingEnvironment env) {
        this.env = env;
    }

    String render(EntityModel model, String simpleName) {
        TypeElement entity = model.entity;
        String entityType = entity.getQualifiedName().toString();
        Set<String> factories = new TreeSet<>();
        for (EntityModel.Attribute a : model.attributes) {
            factories.add(switch (a.kind()) {
                case STRING -> "string";
                case COMPARABLE -> "comparable";
                case PLAIN -> "of";
                case RELATION -> "relation";
                case ARRAY -> "array";
                case LIST -> "list";
            });
        }
        Set<String> suppress = new LinkedHashSet<>();
        if (model.deprecated) {
            suppress.add("deprecation");
            suppress.add("removal");
        }
        for (Element e = entity; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (!t.getTypeParameters().isEmpty()) {
                suppress.add("rawtypes"); // a generic entity is referenced by its raw class
            }
        }

        StringBuilder out = new StringBuilder();
        SourceText.header(out, model.packageName);
        // Static imports: method names cannot be obscured by a generated field (say one named "dev").
        for (String factory : factories) {
            out.append("import static ").append(ATTRIBUTE).append('.').append(factory).append(";\n");
        }
        if (!factories.isEmpty()) {
            out.append('\n');
        }
        out.append("/** Static metamodel of {@link ").append(entityType).append("}. */\n");
        SourceText.generatedAnnotation(out, env);
        if (!suppress.isEmpty()) {
            out.append("@java.lang.SuppressWarnings({");
            out.append(String.join(", ", suppress.stream().map(s -> "\"" + s + "\"").toList()));
            out.append("})\n");
        }
        out.append("public final class ").append(simpleName).append(" {\n");
        for (EntityModel.Attribute a : model.attributes) {
            out.append("\n    public static final ");
            declaration(out, a, entityType, a.name());
        }
        for (EntityModel.EmbeddedValue e : model.embedded) {
            embedded(out, e, entityType);
        }
        out.append("\n    private ").append(simpleName).append("() {\n    }\n}\n");
        return out.toString();
    }

    /**
     * An embedded value's holder: {@code public static final ShipTo_ shipTo}, an {@code EmbeddedAttribute}
     * whose fields reference the components as attributes named {@code shipTo.city}.
     */
    private static void embedded(StringBuilder out, EntityModel.EmbeddedValue e, String entityType) {
        String holder = Character.toUpperCase(e.name().charAt(0)) + e.name().substring(1) + "_";
        out.append("\n    /** The embedded value {@code ").append(e.name()).append("} and its components. */\n");
        out.append("    public static final ").append(holder).append(' ').append(e.name()).append(" = new ")
                .append(holder).append("();\n");
        out.append("\n    /** References to the embedded value {@code ").append(e.name()).append("} of {@link ")
                .append(entityType).append("}. */\n");
        out.append("    public static final class ").append(holder).append(" extends ").append(QUERY_PACKAGE)
                .append(".EmbeddedAttribute<").append(entityType).append(", ").append(e.valueType()).append("> {\n");
        for (EntityModel.Attribute a : e.components()) {
            out.append("\n        public final ");
            // Qualified factories: the holder inherits EmbeddedAttribute.of, which would hide a static import.
            StringBuilder declared = new StringBuilder();
            declaration(declared, a, entityType, e.name() + "." + a.name());
            int init = declared.indexOf("=\n            ") + "=\n            ".length();
            out.append(declared, 0, init).append(ATTRIBUTE).append('.').append(declared, init, declared.length());
        }
        out.append("\n        private ").append(holder).append("() {\n            super(").append(entityType)
                .append(".class, ").append(SourceText.javaString(e.name())).append(", ").append(e.valueType())
                .append(".class, java.util.List.of(");
        for (int i = 0; i < e.components().size(); i++) {
            out.append(i > 0 ? ", " : "").append(SourceText.javaString(e.components().get(i).name()));
        }
        out.append("));\n        }\n    }\n");
    }

    /** {@code Type name =\n init;} of one attribute reference named {@code attribute} in queries. */
    private static void declaration(StringBuilder out, EntityModel.Attribute a, String entityType, String attribute) {
        String literal = SourceText.javaString(attribute);
        switch (a.kind()) {
            case STRING -> out.append(QUERY_PACKAGE).append(".StringAttribute<").append(entityType).append("> ")
                    .append(a.name()).append(" =\n            string(").append(entityType).append(".class, ")
                    .append(literal).append(");\n");
            case COMPARABLE -> out.append(QUERY_PACKAGE).append(".ComparableAttribute<").append(entityType)
                    .append(", ").append(a.valueType()).append("> ").append(a.name())
                    .append(" =\n            comparable(").append(entityType).append(".class, ").append(literal)
                    .append(", ").append(a.classLiteral()).append(");\n");
            case RELATION -> out.append(QUERY_PACKAGE).append(".Relation<").append(entityType).append(", ")
                    .append(a.valueType()).append("> ").append(a.name()).append(" =\n            relation(")
                    .append(entityType).append(".class, ").append(literal).append(", ")
                    .append(a.classLiteral()).append(");\n");
            case ARRAY, LIST -> out.append(QUERY_PACKAGE).append(".ArrayAttribute<").append(entityType).append(", ")
                    .append(a.valueType()).append("> ").append(a.name()).append(" =\n            ")
                    .append(a.kind() == EntityModel.Kind.ARRAY ? "array(" : "list(").append(entityType)
                    .append(".class, ").append(literal).append(", ").append(a.classLiteral()).append(");\n");
            case PLAIN -> out.append(QUERY_PACKAGE).append(".Attribute<").append(entityType).append(", ")
                    .append(a.valueType()).append("> ").append(a.name()).append(" =\n            of(")
                    .append(entityType).append(".class, ").append(literal).append(", ")
                    .append(a.classLiteral()).append(");\n");
        }
    }
}
