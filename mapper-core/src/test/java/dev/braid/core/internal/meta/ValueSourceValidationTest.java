package dev.braid.core.internal.meta;

import dev.braid.annotation.BeforeInsert;
import dev.braid.annotation.AfterLoad;
import dev.braid.annotation.ClientDefault;
import dev.braid.annotation.CreatedAt;
import dev.braid.annotation.Entity;
import dev.braid.annotation.GeneratedUuid;
import dev.braid.annotation.Id;
import dev.braid.annotation.SequenceKey;
import dev.braid.annotation.ServerDefault;
import dev.braid.annotation.UpdatedAt;
import dev.braid.error.MappingException;
import dev.braid.error.MappingProblem;
import dev.braid.mapping.EntityDefinition;
import dev.braid.mapping.MappingRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Configure-time checks of generated keys, defaults, timestamps and lifecycle methods: every problem, named, with the fix. */
class ValueSourceValidationTest {

    @Entity(table = "bad_keys")
    static class BadKeys {
        @Id @GeneratedUuid Long id;
        @GeneratedUuid UUID notAnId;
    }

    @Entity(table = "bad_sequence")
    static class BadSequence { @Id @SequenceKey(allocationSize = 0) long id; }

    @Entity(table = "shares_a")
    static class SharesA { @Id @SequenceKey(name = "shared", allocationSize = 10) Long id; }

    @Entity(table = "shares_b")
    static class SharesB { @Id @SequenceKey(name = "shared", allocationSize = 20) Long id; }

    @Entity(table = "bad_stamps")
    static class BadStamps {
        @Id Long id;
        @CreatedAt String created;
        @CreatedAt @UpdatedAt Instant both;
        @ServerDefault("  ") String blank;
        @ClientDefault String neither;
        @ClientDefault(method = "missing") String noMethod;
        @ClientDefault(method = "make") @CreatedAt Instant twice;
        @ServerDefault("0") int primitive;

        static Instant make() { return Instant.EPOCH; }
    }

    @Entity(table = "bad_callbacks")
    static class BadCallbacks {
        @Id Long id;

        @BeforeInsert String returnsString() { return ""; }

        @BeforeInsert void takesTwo(String a, String b) { }

        @AfterLoad String afterLoadReturns() { return ""; }

        @BeforeInsert static void isStatic() { }
    }

    @Entity(table = "good")
    static class Good {
        @Id @GeneratedUuid UUID id;
        @ClientDefault(method = "code") String code;
        @CreatedAt Instant created;

        static String code() { return "C"; }

        @BeforeInsert void plain() { }
    }

    @Test
    void everyProblemIsReportedNamingTheAttributeAndTheFix() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .entity(BadKeys.class, BadSequence.class, SharesA.class, SharesB.class, BadStamps.class, BadCallbacks.class)
                .build());
        assertThat(error.messages()).contains(
                "BadKeys.id is @GeneratedUuid but has type Long. Fix: declare it as java.util.UUID",
                "BadKeys.notAnId is @GeneratedUuid but not @Id. Fix: add @Id, or remove @GeneratedUuid",
                "BadSequence.id has allocationSize 0: each round trip must reserve at least one key. Fix: use allocationSize >= 1 (50 by default)",
                "BadSequence.id is @SequenceKey but has type long: a new object's 0 cannot be told from a real key. Fix: use Long (or Integer)",
                "SharesB.id uses sequence shared with allocationSize 20, but SharesA.id uses it with 10: the sequence has one"
                        + " INCREMENT BY. Fix: give both the same allocationSize, or use two sequences",
                "BadStamps.created is a @CreatedAt timestamp of type String. Fix: use Instant, OffsetDateTime or LocalDateTime",
                "BadStamps.both is both @CreatedAt and @UpdatedAt. Fix: keep one (@UpdatedAt is also set at INSERT)",
                "BadStamps.blank has an empty server default. Fix: give the SQL expression, e.g. @ServerDefault(\"CURRENT_TIMESTAMP\"), or remove it",
                "BadStamps.neither has @ClientDefault with neither a Supplier class nor a method. Fix: name one:"
                        + " @ClientDefault(MySupplier.class) or @ClientDefault(method = \"staticMethod\")",
                "BadStamps.noMethod's client default method missing() does not exist on BadStamps. Fix: declare static String missing() on BadStamps",
                "BadStamps.twice has a client default and is also a timestamp. Fix: keep one of them",
                "BadStamps.primitive has a default but is a primitive int, which is never null, so the default would never apply. Fix: use Integer",
                "BadCallbacks.returnsString() is @BeforeInsert but returns String. Fix: declare it as an instance method:"
                        + " void returnsString(), void returnsString(ContextView) or Mono<Void> returnsString(ContextView)",
                "BadCallbacks.afterLoadReturns() is @AfterLoad but returns String. Fix: declare it as an instance method:"
                        + " void afterLoadReturns() (it must not block)");
        assertThat(error.messages()).anySatisfy(m -> assertThat(m).startsWith("BadCallbacks.takesTwo() is @BeforeInsert but takes [String, String]"));
        assertThat(error.messages()).anySatisfy(m -> assertThat(m).startsWith("BadCallbacks.isStatic() is @BeforeInsert but is static"));
        assertThat(error.problems()).extracting(MappingProblem::kind).contains(MappingProblem.Kind.KEY_GENERATION,
                MappingProblem.Kind.SEQUENCE_KEY, MappingProblem.Kind.TIMESTAMP, MappingProblem.Kind.COLUMN_DEFAULT,
                MappingProblem.Kind.LIFECYCLE_METHOD);
        assertThat(error.messages()).hasSize(16);
    }

    @Test
    void builderMistakesAreReportedTheSameWay() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .define(EntityDefinition.of(Good.class).table("built").sequence("id", "built_seq", 5)
                        .column("code", c -> c.serverDefault(""))
                        .column("created", c -> c.createdAt().updatedAt()))
                .build());
        assertThat(error.messages()).containsExactly(
                "Good.id is @SequenceKey but has type UUID. Fix: use Long (or Integer)",
                "Good.code has an empty server default. Fix: give the SQL expression, e.g. @ServerDefault(\"CURRENT_TIMESTAMP\"), or remove it",
                "Good.created is both @CreatedAt and @UpdatedAt. Fix: keep one (@UpdatedAt is also set at INSERT)");
    }

    @Test
    void aValidMappingKnowsItsValueSourcesAndCallbacks() {
        EntityMapping good = MappingRegistry.builder().entity(Good.class).build().entity(Good.class);
        ValueSources sources = good.valueSources();
        assertThat(sources.uuidKey().attribute()).isEqualTo("id");
        assertThat(sources.insertValues()).extracting(ColumnMapping::attribute).containsExactly("code", "created");
        assertThat(sources.insertValues().get(0).source().clientDefault().get()).isEqualTo("C");
        assertThat(sources.updateTimestamps()).isEmpty();
        assertThat(good.lifecycle().of(LifecycleMethods.Event.BEFORE_INSERT))
                .extracting(LifecycleMethods.Callback::takesContext).containsExactly(false);
    }
}
