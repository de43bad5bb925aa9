package dev.braid.mapping;

import dev.braid.core.internal.util.Require;
import dev.braid.mapping.spi.ValueConverter;

import java.util.function.Function;

/** Factories of {@link ValueConverter}s. */
public final class Converters {
    private Converters() {}

    /**
     * A converter from two functions.
     *
     * @param javaType     the attribute type
     * @param databaseType the stored type (a supported column type)
     * @param toDatabase   Java value to stored value
     * @param fromDatabase stored value to Java value
     * @param <J>          the attribute type
     * @param <D>          the stored type
     * @return the converter
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when an argument is null
     */
    public static <J, D> ValueConverter<J, D> of(Class<J> javaType, Class<D> databaseType, Function<J, D> toDatabase,
                                                 Function<D, J> fromDatabase) {
        Require.nonNull(javaType, "javaType");
        Require.nonNull(databaseType, "databaseType");
        Require.nonNull(toDatabase, "toDatabase");
        Require.nonNull(fromDatabase, "fromDatabase");
        return new ValueConverter<>() {
            @Override public Class<J> javaType() { return javaType; }
            @Override public Class<D> databaseType() { return databaseType; }
            @Override public D toDatabase(J value) { return toDatabase.apply(value); }
            @Override public J fromDatabase(D value) { return fromDatabase.apply(value); }
            @Override public String toString() { return "ValueConverter[" + javaType.getSimpleName() + " as "
                    + databaseType.getSimpleName() + "]"; }
        };
    }
}
