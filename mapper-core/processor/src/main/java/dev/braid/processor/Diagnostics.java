package dev.braid.processor;

import java.util.Locale;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic;

/** The processor's errors and warnings, each attached to the element it is about. */
final class Diagnostics {
    private final Messager messager;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    void warning(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.WARNING, message, element);
    }

    /** "an interface Shape". */
    static String describe(Element element) {
        return article(element.getKind()) + " " + element.getSimpleName();
    }

    /** "an interface", "a record", "an annotation type". */
    static String article(ElementKind kind) {
        String name = switch (kind) {
            case ANNOTATION_TYPE -> "annotation type";
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }
}
