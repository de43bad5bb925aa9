package dev.braid.query;

import dev.braid.core.internal.util.Require;

/** Escaping for {@code LIKE} patterns built from literal text; every query renders {@code ESCAPE '\'}. */
public final class LikePattern {
    /** The escape character every LIKE Braid renders declares: a backslash. */
    public static final char ESCAPE = '\\';

    private LikePattern() {}

    /**
     * Escapes the escape character, {@code %} and {@code _} so {@code text} matches only itself.
     *
     * @param text literal text
     * @return the text as a LIKE pattern without wildcards
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code text} is null
     */
    public static String escape(String text) {
        Require.nonNull(text, "a LIKE pattern text must not be null; use isNull() to match NULL");
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
