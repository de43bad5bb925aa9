package dev.braid.query;

/** A string attribute. Pattern helpers escape {@code %}, {@code _} and the escape character. */
public final class StringAttribute<E> extends ComparableAttribute<E, String> {

    StringAttribute(Class<E> entityType, String name) {
        super(entityType, name, String.class);
    }

    /** A raw SQL {@code LIKE} pattern: {@code %} and {@code _} in it are wildcards (backslash escapes). */
    public Predicate like(String pattern) { return new Predicate.Like(this, pattern); }

    /** Values containing {@code text} literally; wildcards in {@code text} match only themselves. */
    public Predicate contains(String text) {
        return new Predicate.Like(this, "%" + LikePattern.escape(text) + "%");
    }

    /** Values starting with {@code prefix} literally. */
    public Predicate startsWith(String prefix) {
        return new Predicate.Like(this, LikePattern.escape(prefix) + "%");
    }

    /** Values ending with {@code suffix} literally. */
    public Predicate endsWith(String suffix) {
        return new Predicate.Like(this, "%" + LikePattern.escape(suffix));
    }
}
