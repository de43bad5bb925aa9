package dev.braid.annotation;

/** How the classes of an entity hierarchy share tables ({@link Inheritance}). */
public enum InheritanceStrategy {
    /**
     * One table for the whole hierarchy: the base's columns, every subclass's columns (nullable, since rows
     * of other classes leave them empty) and the discriminator column naming each row's class.
     */
    SINGLE_TABLE,
    /**
     * The base table (with the discriminator column) plus one table per subclass holding its own columns,
     * whose primary key is also a foreign key to the base table.
     */
    JOINED
}
