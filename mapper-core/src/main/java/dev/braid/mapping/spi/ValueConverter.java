package dev.braid.mapping.spi;

/**
 * Stores an attribute's Java type as one of Braid's supported column types, like SQLAlchemy's
 * {@code TypeDecorator} or JPA's {@code AttributeConverter}: {@code Money} as a {@code BigDecimal}, a status
 * code enum as a {@code String}. Braid converts every value it binds (inserts, updates, filters such as
 * {@code Order_.price.eq(money)}), converts what it reads back, declares the column with the database
 * type's DDL, and dirty-checks by the converted value (so a value object changed in place is noticed).
 *
 * <p>Registered for one attribute ({@code @Convert(MoneyConverter.class)}, or
 * {@code .column("price", c -> c.converter(new MoneyConverter()))}) or for every attribute of its Java type
 * ({@code MappingRegistry.builder().converter(new MoneyConverter())}). Implementations must be stateless or
 * thread-safe; an annotated converter class needs a no-arg constructor. {@code Converters.of} builds one from
 * two functions.
 *
 * @param <J> the attribute's Java type
 * @param <D> the stored type: one of Braid's supported column types ({@code String}, {@code Long},
 *            {@code BigDecimal}, {@code UUID}, {@code LocalDate}, ...)
 */
public interface ValueConverter<J, D> {

    /**
     * The Java type this converter maps.
     *
     * @return the attribute type
     */
    Class<J> javaType();

    /**
     * The supported type values are stored as; it decides the column type.
     *
     * @return the stored type
     */
    Class<D> databaseType();

    /**
     * Converts an attribute value for the database; never called with null (null stays NULL).
     *
     * @param value the Java value
     * @return the stored value
     */
    D toDatabase(J value);

    /**
     * Converts a stored value back; never called with NULL (it stays null).
     *
     * @param value the stored value
     * @return the Java value
     */
    J fromDatabase(D value);
}
