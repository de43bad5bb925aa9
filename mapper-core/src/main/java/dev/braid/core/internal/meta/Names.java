package dev.braid.core.internal.meta;

/** Default naming: Java camelCase to SQL snake_case, as most schemas spell them. */
public final class Names {
    private Names() {}

    /** {@code AuthorBook} to {@code author_book}, {@code authorId} to {@code author_id}, {@code URLPath} to {@code url_path}. */
    public static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1))
                        && javaName.charAt(i - 1) != '_';
                boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                boolean previousUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
                if (previousLower || (previousUpper && nextLower)) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
