package dev.braid.core.internal.meta;

import dev.braid.mapping.MappingRegistry;
import dev.braid.error.ErrorCode;
import dev.braid.error.MappingException;
import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;
import dev.braid.core.internal.meta.MappingProblemFixtures.Book;
import dev.braid.core.internal.meta.MappingProblemFixtures.Child;
import dev.braid.core.internal.meta.MappingProblemFixtures.EmptyForeignKey;
import dev.braid.core.internal.meta.MappingProblemFixtures.First;
import dev.braid.core.internal.meta.MappingProblemFixtures.Loner;
import dev.braid.core.internal.meta.MappingProblemFixtures.NoId;
import dev.braid.core.internal.meta.MappingProblemFixtures.Odd;
import dev.braid.core.internal.meta.MappingProblemFixtures.Parent;
import dev.braid.core.internal.meta.MappingProblemFixtures.PrimitiveId;
import dev.braid.core.internal.meta.MappingProblemFixtures.Second;
import dev.braid.core.internal.meta.MappingProblemFixtures.TwoVersions;
import dev.braid.core.internal.meta.MappingProblemFixtures.VersionedId;
import dev.braid.mapping.EntityDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Mapping problems are data: each has its own kind, entity, attribute, problem and fix, and renders the
 * same sentence as before they were data (the expected messages below were captured from the string version).
 */
class MappingProblemTest {

    private static MappingException configure(MappingRegistry.Builder builder) {
        MappingException error = catchThrowableOfType(MappingException.class, builder::build);
        assertThat(error).as("configure must fail").isNotNull();
        assertThat(error.code()).isEqualTo(ErrorCode.BRAID_MAPPING);
        return error;
    }

    /** The only problem of {@code builder}, checking every field and the exact message it renders. */
    private static MappingProblem single(MappingRegistry.Builder builder, Kind kind, String entity, String attribute,
                                         String problem, String fix) {
        MappingException error = configure(builder);
        assertThat(error.problems()).hasSize(1);
        MappingProblem p = error.problems().get(0);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.entity()).isEqualTo(entity);
        assertThat(p.attribute()).isEqualTo(attribute);
        assertThat(p.problem()).isEqualTo(problem);
        assertThat(p.fix()).isEqualTo(fix);
        String sentence = problem + ". Fix: " + fix;
        assertThat(p.message()).isEqualTo(sentence);
        assertThat(p).hasToString(sentence);
        assertThat(error.messages()).containsExactly(sentence);
        assertThat(error.getMessage()).isEqualTo("[BRAID_MAPPING] The mapping has 1 problem:\n  1. " + sentence);
        return p;
    }

    @Test
    void aMissingIdIsAProblemOfTheWholeEntity() {
        MappingProblem p = single(MappingRegistry.builder().entity(NoId.class), Kind.MISSING_ID, "NoId", null,
                "NoId has no id",
                "annotate its primary-key field with @Id (or call .id(\"...\") in its EntityDefinition)");
        assertThat(p.subject()).isEqualTo("NoId");
    }

    @Test
    void anEmptyForeignKeyTargetNamesTheAttribute() {
        MappingProblem p = single(MappingRegistry.builder().entity(EmptyForeignKey.class),
                Kind.FOREIGN_KEY_WITHOUT_TARGET, "EmptyForeignKey", "companyId",
                "EmptyForeignKey.companyId is declared a foreign key without a target: its table is empty and it names"
                        + " no entity, so it would be a plain column with no constraint and no relationship could use it",
                "name the referenced entity, @ForeignKey(entity = Target.class), or its table,"
                        + " @ForeignKey(table = \"targets\") (in an EntityDefinition: .foreignKey(\"companyId\","
                        + " Target.class)); or remove @ForeignKey if it is not one");
        assertThat(p.subject()).isEqualTo("EmptyForeignKey.companyId");
    }

    @Test
    void aForeignKeyToAnUnmappedTable() {
        single(MappingRegistry.builder().entity(Book.class), Kind.FOREIGN_KEY_TABLE_NOT_MAPPED, "Book", "authorId",
                "Book.authorId is a foreign key to table 'writers', which no registered entity maps",
                "register the entity mapped to 'writers', or correct the table name");
    }

    @Test
    void anUnsupportedType() {
        single(MappingRegistry.builder().entity(Odd.class), Kind.UNSUPPORTED_TYPE, "Odd", "anything",
                "Odd.anything has type java.lang.Object, which is not a supported column type. Supported: int, Integer,"
                        + " long, Long, short, Short, boolean, Boolean, double, Double, String, BigDecimal, UUID, LocalDate,"
                        + " LocalDateTime, OffsetDateTime, byte[], Instant, any enum (stored by name)",
                "change its type, store it with a converter (@Convert / .converter(...)) or as JSON (@Json / .json()),"
                        + " or mark it @Transient");
    }

    @Test
    void twoEntitiesOnOneTableAreReportedAgainstTheSecond() {
        single(MappingRegistry.builder().entity(First.class, Second.class), Kind.DUPLICATE_TABLE, "Second", null,
                "First and Second are both mapped to table shared: their writes would conflict",
                "map one of them to another table, or make the second a record (read-only view)");
    }

    @Test
    void aPrimitiveIdentity() {
        single(MappingRegistry.builder().entity(PrimitiveId.class), Kind.IDENTITY_PRIMITIVE, "PrimitiveId", "id",
                "PrimitiveId.id is @Identity but primitive long: a new object's 0 cannot be told from a real id",
                "use Long");
    }

    @Test
    void aVersionedIdAndTwoVersions() {
        single(MappingRegistry.builder().entity(VersionedId.class), Kind.VERSION_ON_ID, "VersionedId", "id",
                "VersionedId.id is both @Id and @Version", "version a separate column");
        single(MappingRegistry.builder().entity(TwoVersions.class), Kind.MULTIPLE_VERSIONS, "TwoVersions", null,
                "TwoVersions has 2 @Version attributes", "keep one version column");
    }

    @Test
    void anUnknownAttributeInAnEntityDefinition() {
        single(MappingRegistry.builder().define(EntityDefinition.of(Child.class).table("c").id("id").column("nope")),
                Kind.UNKNOWN_ATTRIBUTE, "Child", "nope",
                "Child.nope does not exist: Child has no field named 'nope'",
                "correct the attribute name in its EntityDefinition");
    }

    @Test
    void relationshipProblemsNameTheRelationship() {
        single(MappingRegistry.builder().entity(Parent.class, Child.class), Kind.NO_FOREIGN_KEY, "Parent", "children",
                "Parent.children: no foreign key links children to parents",
                "add a column to Child annotated @ForeignKey(entity = Parent.class)");
        single(MappingRegistry.builder().entity(Loner.class), Kind.RELATIONSHIP_TARGET_NOT_REGISTERED, "Loner", "children",
                "Loner.children targets Child, which is not registered",
                "register Child with the MappingRegistry builder");
    }

    @Test
    void severalProblemsAreNumberedInOrderAndKeepTheirOwnKinds() {
        MappingException error = configure(MappingRegistry.builder().entity(NoId.class, Book.class));
        assertThat(error.problems()).extracting(MappingProblem::kind)
                .containsExactly(Kind.MISSING_ID, Kind.FOREIGN_KEY_TABLE_NOT_MAPPED);
        assertThat(error.getMessage()).isEqualTo("[BRAID_MAPPING] The mapping has 2 problems:"
                + "\n  1. NoId has no id. Fix: annotate its primary-key field with @Id (or call .id(\"...\") in its"
                + " EntityDefinition)"
                + "\n  2. Book.authorId is a foreign key to table 'writers', which no registered entity maps. Fix:"
                + " register the entity mapped to 'writers', or correct the table name");
        assertThat(error.messages()).containsExactly(error.problems().get(0).message(), error.problems().get(1).message());
    }

    @Test
    void aProblemWithoutAFixRendersJustTheProblem() {
        MappingProblem p = new MappingProblem(Kind.RELATIONSHIP_UNKNOWN_ATTRIBUTE, "Parent", "kids",
                "Parent.kids does not exist: Parent has no field named 'kids'", null);
        assertThat(p.message()).isEqualTo("Parent.kids does not exist: Parent has no field named 'kids'");
        assertThat(new MappingException(java.util.List.of(p)).getMessage())
                .isEqualTo("[BRAID_MAPPING] The mapping has 1 problem:\n  1. " + p.message());
    }
}
