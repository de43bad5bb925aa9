package dev.braid.query;

/**
 * A string attribute. Pattern helpers escape {@code %}, {@code _} and the escape character.
 *
 * @param <E> the entity type
 */
public final class StringAttribute<E> extends ComparableAttribute<E, String> {

    StringAttribute(Class<E> entityType, String name) {
        super(entityType, name, String.class);
    }

    /**
     * A raw SQL {@code LIKE} pattern: {@code %} and {@code _} in it are wildcards (backslash escapes).
     *
     * @param pattern the pattern (bound as a parameter)
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code pattern} is null
     */
    public Predicate like(String pattern) { return new Predicate.Like(this, pattern); }

    /**
     * Values containing {@code text} literally; wildcards in {@code text} match only themselves.
     *
     * @param text the text to find
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code text} is null (use {@link #isNull()})
     */
    public Predicate contains(String text) {
        return new Predicate.Like(this, "%" + LikePattern.escape(text) + "%");
    }

    /**
     * Values starting with {@code prefix} literally.
     *
     * @param prefix the text the value starts with
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code prefix} is null (use {@link #isNull()})
     */
    public Predicate startsWith(String prefix) {
        return new Predicate.Like(this, LikePattern.escape(prefix) + "%");
    }

    /**
     * Values ending with {@code suffix} literally.
     *
     * @param suffix the text the value ends with
     * @return the predicate
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code suffix} is null (use {@link #isNull()})
     */
    public Predicate endsWith(String suffix) {
        return new Predicate.Like(this, "%" + LikePattern.escape(suffix));
    }
}
