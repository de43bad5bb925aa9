package dev.braid.core.internal.meta;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the annotation form of an extra join condition: {@code attribute op literal} terms joined by
 * {@code AND} ({@code op}: {@code = <> != < <= > >=}; literal: {@code true}, {@code false}, a number or
 * a {@code 'quoted string'} with {@code ''} for a quote), or {@code attribute IS [NOT] NULL}. Values are
 * converted to the attribute's type here and bound later, never pasted into SQL.
 */
final class ConditionText {
    private ConditionText() {}

    /** One term; {@code literal} is null for the null checks. */
    record Term(String attribute, String operator, @Nullable String literal) {}

    /** The terms of {@code text}; throws a MapperException saying what cannot be read. */
    static List<Term> parse(String text) {
        List<String> tokens = tokens(text);
        List<Term> terms = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i >= tokens.size() || !isIdentifier(tokens.get(i))) throw unreadable("lacks an attribute name at term " + (terms.size() + 1));
            String attribute = tokens.get(i++);
            String op = i < tokens.size() ? tokens.get(i++) : "";
            if (op.equalsIgnoreCase("IS")) {
                boolean not = i < tokens.size() && tokens.get(i).equalsIgnoreCase("NOT");
                if (not) i++;
                if (i >= tokens.size() || !tokens.get(i++).equalsIgnoreCase("NULL")) throw unreadable("has IS without NULL after " + attribute);
                terms.add(new Term(attribute, not ? "IS NOT NULL" : "IS NULL", null));
            } else {
                if (!List.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(op)) throw unreadable("has no operator after " + attribute);
                if (i >= tokens.size() || isIdentifier(tokens.get(i)) && !isBoolean(tokens.get(i))) throw unreadable("lacks a literal after " + attribute + " " + op);
                terms.add(new Term(attribute, op.equals("!=") ? "<>" : op, tokens.get(i++)));
            }
            if (i == tokens.size()) return terms;
            if (!tokens.get(i++).equalsIgnoreCase("AND")) throw unreadable("joins terms with '" + tokens.get(i - 1) + "' (only AND is allowed)");
        }
    }

    /** The Java value of {@code literal} for {@code column}; throws a MapperException when it does not fit. */
    static Object convert(String literal, ColumnMapping column) {
        Class<?> type = box(column.type().javaClass());
        boolean quoted = literal.startsWith("'");
        String text = quoted ? literal.substring(1, literal.length() - 1).replace("''", "'") : literal;
        try {
            if (type == Boolean.class && isBoolean(literal)) return Boolean.valueOf(literal.toLowerCase(Locale.ROOT));
            if (type == String.class && quoted) return text;
            if (type.isEnum() && quoted) {
                for (Object constant : type.getEnumConstants()) if (((Enum<?>) constant).name().equals(text)) return constant;
            }
            if (!quoted && !isBoolean(literal)) {
                if (type == Integer.class) return Integer.valueOf(text);
                if (type == Long.class) return Long.valueOf(text);
                if (type == Short.class) return Short.valueOf(text);
                if (type == Double.class) return Double.valueOf(text);
                if (type == Float.class) return Float.valueOf(text);
                if (type == BigDecimal.class) return new BigDecimal(text);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw unreadable("compares " + column.attribute() + " (" + type.getSimpleName() + ") with "
                + literal + ", which is not a " + type.getSimpleName() + " literal (the builder's where(...) takes any value)");
    }

    private static final String PREFIX = "[where] ";

    /** What cannot be read, as a MapperException (Braid throws no JDK argument exceptions). */
    private static dev.braid.error.MapperException unreadable(String why) {
        return new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_MAPPING, PREFIX + why);
    }

    /** The reason given to {@link #unreadable}. */
    static String reason(dev.braid.error.MapperException e) {
        String m = e.getMessage();
        int at = m.indexOf(PREFIX);
        return at < 0 ? m : m.substring(at + PREFIX.length());
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (c == '\'') {
                i++;
                while (true) {
                    if (i >= text.length()) throw unreadable("has an unclosed quote");
                    if (text.charAt(i) == '\'' && (i + 1 >= text.length() || text.charAt(i + 1) != '\'')) break;
                    i += text.charAt(i) == '\'' ? 2 : 1;
                }
                i++;
            } else if ("<>=!".indexOf(c) >= 0) {
                while (i < text.length() && "<>=!".indexOf(text.charAt(i)) >= 0) i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_-.".indexOf(text.charAt(i)) >= 0)) i++;
            } else {
                throw unreadable("has the unexpected character '" + c + "'");
            }
            out.add(text.substring(start, i));
        }
        return out;
    }

    private static boolean isIdentifier(String token) {
        return Character.isJavaIdentifierStart(token.charAt(0));
    }

    private static boolean isBoolean(String token) {
        return token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false");
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) return type;
        if (type == boolean.class) return Boolean.class;
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == short.class) return Short.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        return type;
    }
}
