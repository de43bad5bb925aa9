package dev.braid.processor;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Pieces of generated source shared by the writers: names, string literals, the file header. */
final class SourceText {
    private static final String GENERATED = "javax.annotation.processing.Generated";

    private SourceText() {}

    /** {@code Outer_Inner_} for {@code Outer.Inner}: the metamodel's simple name. */
    static String metamodelSimpleName(TypeElement entity) {
        StringBuilder name = new StringBuilder(entity.getSimpleName());
        for (Element e = entity.getEnclosingElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
            name.insert(0, t.getSimpleName() + "_");
        }
        return name.append('_').toString();
    }

    /**
     * {@code Outer_Inner_Fields} for {@code Outer.Inner}: the column accessor's simple name. Braid's
     * run time derives the same name from the entity class to find it.
     */
    static String fieldsSimpleName(TypeElement entity) {
        return metamodelSimpleName(entity) + "Fields";
    }

    static String qualified(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /** {@code package p;} and a blank line; nothing in the unnamed package. */
    static void header(StringBuilder out, String packageName) {
        if (!packageName.isEmpty()) {
            out.append("package ").append(packageName).append(";\n\n");
        }
    }

    /** The {@code @Generated} line, when the platform compiled for has that annotation. */
    static void generatedAnnotation(StringBuilder out, ProcessingEnvironment env) {
        if (env.getElementUtils().getTypeElement(GENERATED) != null) {
            out.append("@").append(GENERATED).append("(\"").append(MetamodelProcessor.class.getName()).append("\")\n");
        }
    }

    /** A Java string literal for {@code s}, non-ASCII characters escaped. */
    static String javaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
