package dev.braid.micrometer;

import dev.braid.reactive.Execution;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Braid's observations, their names and keys (as {@link DefaultBraidObservationConvention} fills them). With
 * Micrometer's {@code DefaultMeterObservationHandler} each name is also a timer (and {@code <name>.active}, a
 * long-task timer) tagged with the low-cardinality keys; tracing handlers make each a span named by its
 * contextual name, carrying both kinds of keys.
 */
public enum BraidObservation implements ObservationDocumentation {
    /** One statement: {@code braid.statement}, contextual name like {@code "braid query Author"}. */
    STATEMENT("braid.statement") {
        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }
    },
    /** A flush (its INSERT, UPDATE and DELETE statements): {@code braid.flush}, {@code "braid flush"}. */
    FLUSH("braid.flush"),
    /** Loading one relationship path: {@code braid.load}, contextual name like {@code "braid load Author.books"}. */
    LOAD("braid.load"),
    /** One window of {@code stream()}: {@code braid.stream.window}, like {@code "braid stream window Author"}. */
    STREAM_WINDOW("braid.stream.window"),
    /** A {@code withSession} or {@code inTransaction} scope: {@code braid.session}, {@code "braid inTransaction"}. */
    SESSION("braid.session");

    private final String name;

    BraidObservation(String name) {
        this.name = name;
    }

    /**
     * The observation of an execution's kind.
     *
     * @param kind what ran
     * @return the observation documenting it
     */
    public static BraidObservation of(Execution.Kind kind) {
        return switch (kind) {
            case STATEMENT -> STATEMENT;
            case FLUSH -> FLUSH;
            case LOAD -> LOAD;
            case STREAM_WINDOW -> STREAM_WINDOW;
            case WITH_SESSION, IN_TRANSACTION -> SESSION;
        };
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
        return DefaultBraidObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
        return LowCardinalityKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
        return new KeyName[] {HighCardinalityKeys.ROWS};
    }

    /** Keys with few values: tags of timers and counters, and of spans. */
    public enum LowCardinalityKeys implements KeyName {
        /**
         * What ran: a statement's origin ({@code query}, {@code count}, {@code exists}, {@code relationship_load},
         * {@code cursor}, {@code bulk_delete}, {@code insert}, {@code update}, {@code delete}, {@code link_insert},
         * {@code link_delete}, {@code allocate_ids}, {@code schema}, {@code session}, {@code unknown}), or the unit
         * ({@code flush}, {@code load}, {@code stream_window}, {@code with_session}, {@code in_transaction}).
         */
        OPERATION {
            @Override
            public String asString() {
                return "braid.operation";
            }
        },
        /** The mapped type's simple name ({@code Author}), or {@code none}. */
        ENTITY {
            @Override
            public String asString() {
                return "braid.entity";
            }
        },
        /**
         * A relationship-load statement's relationship ({@code Author.books}), a load's path from the query's root
         * ({@code Author.books.reviews}), or {@code none}.
         */
        RELATIONSHIP {
            @Override
            public String asString() {
                return "braid.relationship";
            }
        },
        /** The database: {@code postgresql} or {@code h2}. */
        DB_SYSTEM {
            @Override
            public String asString() {
                return "db.system";
            }
        },
        /** How it ended: {@code success}, {@code error} or {@code cancel} (present once it ended). */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        }
    }

    /** Keys with many values: on spans only. */
    public enum HighCardinalityKeys implements KeyName {
        /** A statement's SQL with its bind markers ({@code $1}); bound values are never recorded. */
        DB_STATEMENT {
            @Override
            public String asString() {
                return "db.statement";
            }
        },
        /**
         * Rows read or affected by a statement; for a unit of work, those of the statements it sent itself
         * (present once it ended).
         */
        ROWS {
            @Override
            public String asString() {
                return "braid.rows";
            }
        }
    }
}
