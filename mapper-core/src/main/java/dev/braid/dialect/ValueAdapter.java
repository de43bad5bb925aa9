package dev.braid.dialect;

/**
 * How a database's driver takes and gives the values Braid binds and reads, where it has no codec for one of
 * Braid's driver classes: the value handed to the driver, the class a null is bound as and asked back with, and
 * the conversion back. Pure: it converts values only. Obtained from {@link Dialect#values()}; by default
 * {@link #none()} (every value goes to the driver as it is).
 */
public interface ValueAdapter {

    /**
     * The class the driver binds a null of {@code databaseClass} as, and is asked for when reading a column
     * Braid reads as {@code databaseClass}.
     *
     * @param databaseClass the class Braid binds and reads ({@code OffsetDateTime})
     * @return the class the driver knows ({@code LocalDateTime}); {@code databaseClass} itself by default
     */
    Class<?> driverClass(Class<?> databaseClass);

    /**
     * The value handed to the driver for a non-null bind value.
     *
     * @param value the value Braid binds
     * @return the value the driver can encode
     */
    Object toDriver(Object value);

    /**
     * The value Braid reads, from what the driver gave when asked for {@link #driverClass(Class)}.
     *
     * @param driverValue   the driver's non-null value
     * @param databaseClass the class Braid reads
     * @return a value of {@code databaseClass}
     */
    Object fromDriver(Object driverValue, Class<?> databaseClass);

    /**
     * The adapter of a driver that encodes and decodes every Braid driver class itself.
     *
     * @return the identity adapter
     */
    static ValueAdapter none() {
        return SameValues.INSTANCE;
    }
}
