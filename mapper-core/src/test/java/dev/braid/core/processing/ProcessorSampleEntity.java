package dev.braid.core.processing;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Transient;

import java.time.LocalDate;
import java.util.List;

@Entity
public class ProcessorSampleEntity extends ProcessorSampleBase {
    public enum Status { ACTIVE, RETIRED }

    /** A nested entity: its metamodel is {@code ProcessorSampleEntity_Nested_}. */
    @Entity
    public static class Nested {
        @Id
        long id;
        Status status;
    }

    static final String CONSTANT = "not an attribute";

    @Id
    Long id;
    String name;
    int count;
    byte[] data;
    LocalDate born;
    Status status;
    /** Hides {@link ProcessorSampleBase#label} with another type. */
    Integer label;
    transient String cache;
    @Transient
    String computed;
    List<String> tags;
}
