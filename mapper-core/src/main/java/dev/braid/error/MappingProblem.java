package dev.braid.error;

import org.jspecify.annotations.Nullable;

/**
 * One problem found by the configure step, as data: a stable {@link Kind}, the entity and attribute it
 * concerns, what is wrong and how to fix it. {@link #message()} renders the sentence shown in a
 * {@link MappingException}: {@code problem + ". Fix: " + fix} (just {@code problem} when there is no fix).
 *
 * @param kind      which check failed; stable, so tools and tests can switch on it
 * @param entity    simple name of the entity class the problem is reported against
 * @param attribute the attribute (column or relationship) concerned, or null for a problem of the whole entity
 * @param problem   what is wrong, as a sentence naming {@code Entity.attribute}, without a final period
 * @param fix       how to fix it, or null when the problem names no single fix
 */
public record MappingProblem(Kind kind, String entity, @Nullable String attribute, String problem, @Nullable String fix) {

    /** The distinct checks of the configure step, one constant per check. */
    public enum Kind {
        /** The same entity class was registered twice. */
        DUPLICATE_REGISTRATION,
        /** Two writable entities are mapped to the same table. */
        DUPLICATE_TABLE,
        /** The entity class is an interface, an enum or abstract. */
        NOT_CONCRETE,
        /** A class of an inheritance hierarchy is registered without {@code @Entity}. */
        INHERITANCE_NOT_ENTITY,
        /** Two classes of an inheritance hierarchy have the same discriminator value. */
        INHERITANCE_DUPLICATE_VALUE,
        /** A subclass in an inheritance hierarchy declares an {@code @Id}: the base's id is the hierarchy's. */
        INHERITANCE_ID_ON_SUBCLASS,
        /** The discriminator column is also a mapped column or attribute. */
        INHERITANCE_DISCRIMINATOR_CLASH,
        /** A subclass attribute of a single-table hierarchy is primitive, but other classes' rows leave it NULL. */
        INHERITANCE_PRIMITIVE_SUBCLASS_ATTRIBUTE,
        /** A class declares a discriminator value but no registered superclass is an inheritance base. */
        INHERITANCE_NO_BASE,
        /** A part of an inheritance mapping Braid does not support yet (the problem says which, and the alternative). */
        INHERITANCE_UNSUPPORTED,
        /** The entity has no persistent attributes. */
        NO_ATTRIBUTES,
        /** The entity (a class, not a record) has no {@code @Id}. */
        MISSING_ID,
        /** The entity has more than one {@code @Version} attribute. */
        MULTIPLE_VERSIONS,
        /** A column names an attribute the class has no field for. */
        UNKNOWN_ATTRIBUTE,
        /** An attribute's Java type is not a supported column type. */
        UNSUPPORTED_TYPE,
        /** More than one of a converter, {@code @Json} and {@code @Enumerated} on one attribute. */
        TYPE_OPTIONS_CONFLICT,
        /** A converter that cannot serve the attribute: wrong Java type, unsupported stored type, no constructor. */
        CONVERTER_INVALID,
        /** A JSON attribute, and no JSON codec registered or Jackson on the class path. */
        JSON_CODEC_MISSING,
        /** {@code @Enumerated} on an attribute that is not an enum. */
        ENUM_STORAGE_NOT_ENUM,
        /** Two attributes map to the same column. */
        DUPLICATE_COLUMN,
        /** {@code @Identity} on an attribute that is not {@code @Id}. */
        IDENTITY_NOT_ID,
        /** {@code @Identity} on one column of a composite key. */
        IDENTITY_IN_COMPOSITE_KEY,
        /** {@code @Identity} on an attribute that is not int, Integer, long or Long. */
        IDENTITY_TYPE,
        /** {@code @Identity} on a primitive int or long. */
        IDENTITY_PRIMITIVE,
        /** {@code @Identity} on a record, which cannot receive generated ids. */
        IDENTITY_ON_RECORD,
        /** {@code @Version} on an attribute that is not int, Integer, long or Long. */
        VERSION_TYPE,
        /** An attribute is both {@code @Id} and {@code @Version}. */
        VERSION_ON_ID,
        /** The class has no no-arg constructor. */
        NO_CONSTRUCTOR,
        /** The class or its constructor is not accessible to Braid. */
        NOT_INSTANTIABLE,
        /** {@code @ForeignKey} names neither an entity nor a table. */
        FOREIGN_KEY_WITHOUT_TARGET,
        /** {@code @ForeignKey(entity = ...)} names a class that is not registered. */
        FOREIGN_KEY_ENTITY_NOT_REGISTERED,
        /** {@code @ForeignKey} names an entity and a different table. */
        FOREIGN_KEY_TARGET_CONFLICT,
        /** {@code @ForeignKey(table = ...)} names a table no registered entity maps. */
        FOREIGN_KEY_TABLE_NOT_MAPPED,
        /** The foreign key names no column and its target has no single-column id. */
        FOREIGN_KEY_TARGET_ID,
        /** {@code @ForeignKey(column = ...)} names a column its target does not map. */
        FOREIGN_KEY_COLUMN_NOT_MAPPED,
        /** A relationship wrapper field has no relationship annotation. */
        RELATIONSHIP_UNDECLARED,
        /** A relationship is declared on a record (a read-only view). */
        RELATIONSHIP_ON_RECORD,
        /** A relationship does not name its target type. */
        RELATIONSHIP_TARGET_UNNAMED,
        /** A relationship targets a class that is not registered. */
        RELATIONSHIP_TARGET_NOT_REGISTERED,
        /** A relationship names an attribute the class has no field for. */
        RELATIONSHIP_UNKNOWN_ATTRIBUTE,
        /** {@code WRITE_ONLY} loading on a relationship that is not a collection. */
        WRITE_ONLY_NOT_COLLECTION,
        /** A relationship field's type does not match its kind (Reference, RelatedList, WriteOnlyCollection). */
        RELATIONSHIP_FIELD_TYPE,
        /** {@code DELETE_ORPHAN} cascade on a many-to-one or many-to-many relationship. */
        DELETE_ORPHAN_NOT_ONE_TO_MANY,
        /** A one-to-one where neither side can be told to hold the foreign key. */
        ONE_TO_ONE_OWNER_UNKNOWN,
        /** A many-to-many without its link table, column and inverse column. */
        LINK_TABLE_MISSING,
        /** A many-to-many whose ends do not both have single-column ids. */
        LINK_TABLE_COMPOSITE_ID,
        /** A many-to-many's link table is mapped by an entity without the named column. */
        LINK_TABLE_COLUMN_NOT_MAPPED,
        /** A many-to-many and its reverse disagree on the link table. */
        LINK_TABLE_MISMATCH,
        /** A relationship's named foreign key is not a mapped attribute. */
        FOREIGN_KEY_ATTRIBUTE_NOT_MAPPED,
        /** A relationship's named foreign key does not reference the expected table. */
        FOREIGN_KEY_WRONG_TABLE,
        /** No foreign key links the two tables of a relationship. */
        NO_FOREIGN_KEY,
        /** Several foreign keys could link the two tables of a relationship. */
        AMBIGUOUS_FOREIGN_KEY,
        /** A foreign key used by a relationship references a column its target does not map. */
        REFERENCED_COLUMN_NOT_MAPPED,
        /** {@code backPopulates} names a relationship the target does not have. */
        BACK_POPULATES_MISSING,
        /** {@code backPopulates} names a relationship that targets another entity. */
        BACK_POPULATES_WRONG_TARGET,
        /** {@code backPopulates} names a relationship of a kind that cannot be the reverse. */
        BACK_POPULATES_WRONG_KIND,
        /** Two relationships' {@code backPopulates} do not name each other. */
        BACK_POPULATES_MISMATCH,
        /** A relationship's {@code orderBy} names no mapped attribute of the target, or cannot be parsed. */
        RELATIONSHIP_ORDER_INVALID,
        /** A relationship's extra join condition cannot be parsed or names no mapped attribute of the target. */
        RELATIONSHIP_CONDITION_INVALID,
        /** A relationship with an extra join condition is not view-only. */
        RELATIONSHIP_CONDITION_NOT_VIEW_ONLY,
        /** The foreign-key attributes of a composite-key relationship do not match the referenced key. */
        COMPOSITE_FOREIGN_KEY_MISMATCH,
        /** A generated UUID or sequence key on an attribute that cannot hold it (not the single id, wrong type). */
        KEY_GENERATION,
        /** A sequence key with an invalid name or allocation size, or a sequence shared with different sizes. */
        SEQUENCE_KEY,
        /** A creation or update timestamp of an unsupported type, or on a key or version. */
        TIMESTAMP,
        /** A server or client default that is empty, cannot be created, or conflicts with another value source. */
        COLUMN_DEFAULT,
        /** A lifecycle method ({@code @BeforeInsert}, ...) with a signature Braid cannot call. */
        LIFECYCLE_METHOD,
        /** An {@code @Embedded} value type Braid cannot create: not a record or concrete class with a no-arg constructor. */
        EMBEDDED_NOT_INSTANTIABLE,
        /** A key, version, foreign key or relationship inside an {@code @Embedded} value type. */
        EMBEDDED_KEY_OR_RELATIONSHIP,
        /** An {@code @Embedded} value inside another one. */
        EMBEDDED_NESTED,
        /** An {@code @Embedded} value on a record entity (a read-only view). */
        EMBEDDED_ON_RECORD
    }

    /**
     * Checks that kind, entity and problem are present.
     *
     * @param kind      which check failed
     * @param entity    simple name of the entity class
     * @param attribute the attribute concerned, or null for the whole entity
     * @param problem   what is wrong, without a final period
     * @param fix       how to fix it, or null
     * @throws MapperException {@code BRAID_ARGUMENT} when kind, entity or problem is null
     */
    public MappingProblem {
        Arguments.nonNull(kind, "MappingProblem.kind");
        Arguments.nonNull(entity, "MappingProblem.entity");
        Arguments.nonNull(problem, "MappingProblem.problem");
    }

    /**
     * What the problem is about.
     *
     * @return {@code Entity.attribute}, or just {@code Entity} for a problem of the whole entity
     */
    public String subject() {
        return attribute == null ? entity : entity + "." + attribute;
    }

    /**
     * The sentence shown to users.
     *
     * @return the problem, then {@code ". Fix: "} and the fix when there is one
     */
    public String message() {
        return fix == null ? problem : problem + ". Fix: " + fix;
    }

    /** The same as {@link #message()}. */
    @Override
    public String toString() {
        return message();
    }
}
