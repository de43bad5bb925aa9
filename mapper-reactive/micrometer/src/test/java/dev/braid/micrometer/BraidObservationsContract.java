package dev.braid.micrometer;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Novel_;
import dev.braid.reactive.graph.Review;
import dev.braid.reactive.graph.Team;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.testkit.DatabaseTestBase;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer observations of Braid's statements and units of work on one database: names, contextual names,
 * low- and high-cardinality keys, parents (statements under their flush, load or stream window, those under the
 * session, the session under the caller's observation), outcomes, timers and row counters.
 */
abstract class BraidObservationsContract extends DatabaseTestBase {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    TestObservationRegistry observations;
    Mapper plain;
    Mapper mapper;

    String db() {
        return database().name();
    }

    @BeforeEach
    void mappers() {
        MappingRegistry registry = GraphModel.registry();
        plain = Mapper.builder(pool(), registry).build();
        plain.schema().dropAll().then(plain.schema().createAll()).block(TIMEOUT);
        observations = TestObservationRegistry.create();
        mapper = Mapper.builder(pool(), registry).observer(new BraidObservations(observations)).build();
        recorder().clear();
    }

    /** Austen (Pride and Prejudice with a review, Emma), Tolstoy (War and Peace with a review), Nobody. */
    void seed() {
        plain.inTransaction(s -> {
            Writer austen = new Writer("Jane Austen");
            Writer tolstoy = new Writer("Leo Tolstoy");
            Novel pride = new Novel("Pride and Prejudice", austen);
            new Novel("Emma", austen);
            Novel war = new Novel("War and Peace", tolstoy);
            new Review(5).book.set(pride);
            new Review(4).book.set(war);
            return s.addAll(List.of(austen, tolstoy, new Writer("Nobody")));
        }).blockLast(TIMEOUT);
        recorder().clear();
    }

    @Test
    void aQueryIsAStatementObservationUnderItsSessionWithTheDocumentedKeys() {
        seed();

        List<Writer> writers = mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all())
                .collectList().block(TIMEOUT);

        assertThat(writers).hasSize(3);
        assertThat(tree()).containsExactly("braid.session braid withSession", "  braid.statement braid query Writer");
        assertThat(observations).hasNumberOfObservationsEqualTo(2)
                .hasObservationWithNameEqualTo("braid.statement").that()
                .hasBeenStarted().hasBeenStopped()
                .hasContextualNameEqualTo("braid query Writer")
                .hasLowCardinalityKeyValue("braid.operation", "query")
                .hasLowCardinalityKeyValue("braid.entity", "Writer")
                .hasLowCardinalityKeyValue("braid.relationship", "none")
                .hasLowCardinalityKeyValue("db.system", db())
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasHighCardinalityKeyValue("db.statement", recorder().statements().get(0))
                .hasHighCardinalityKeyValue("braid.rows", "3")
                .doesNotHaveError()
                .hasParentObservationContextMatching(parent -> "braid.session".equals(parent.getName()));
        assertThat(observations).hasObservationWithNameEqualTo("braid.session").that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("braid.operation", "with_session")
                .hasLowCardinalityKeyValue("outcome", "success")
                .doesNotHaveParentObservation();
    }

    @Test
    void aFlushIsAnObservationWhoseChildrenAreItsInserts() {
        Writer austen = new Writer("Jane Austen");
        new Novel("Emma", austen);
        new Novel("Persuasion", austen);

        mapper.inTransaction(s -> s.add(austen)).blockLast(TIMEOUT);

        List<Observation.Context> contexts = contexts();
        assertThat(tree().subList(0, 2)).containsExactly("braid.session braid inTransaction", "  braid.flush braid flush");
        Observation.Context flush = contexts.get(1);
        List<Observation.Context> statements = childrenOf(flush);
        assertThat(statements).hasSize(contexts.size() - 2).allMatch(c -> c.getName().equals("braid.statement"));
        assertThat(statements).extracting(c -> c.getHighCardinalityKeyValue("db.statement").getValue())
                .isEqualTo(recorder().statements());
        assertThat(statements).extracting(Observation.Context::getContextualName)
                .contains("braid insert Writer", "braid insert Novel");
        assertThat(observations).hasObservationWithNameEqualTo("braid.flush").that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("braid.operation", "flush")
                .hasLowCardinalityKeyValue("braid.entity", "none")
                .hasLowCardinalityKeyValue("outcome", "success")
                .doesNotHaveHighCardinalityKeyValue("db.statement", "");
        assertThat(statements).filteredOn(c -> "braid insert Novel".equals(c.getContextualName())).singleElement()
                .satisfies(c -> {
                    assertThat(c.getLowCardinalityKeyValue("braid.operation").getValue()).isEqualTo("insert");
                    assertThat(c.getHighCardinalityKeyValue("braid.rows").getValue()).isEqualTo("2");
                });
        assertThat(contexts.get(0).getLowCardinalityKeyValue("braid.operation").getValue()).isEqualTo("in_transaction");
    }

    @Test
    void aSelectinPathIsALoadObservationPerStepNestedLikeThePath() {
        seed();

        mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books, Novel_.reviews)).all()).blockLast(TIMEOUT);

        assertThat(tree()).containsExactly(
                "braid.session braid withSession",
                "  braid.statement braid query Writer",
                "  braid.load braid load Writer.books",
                "    braid.statement braid relationship_load Writer.books",
                "    braid.load braid load Writer.books.reviews",
                "      braid.statement braid relationship_load Novel.reviews");
        assertThat(observations).forAllObservationsWithNameEqualTo("braid.load", load -> load
                .hasLowCardinalityKeyValue("braid.operation", "load")
                .hasLowCardinalityKeyValue("outcome", "success"));
        Observation.Context reviews = contexts().get(4);
        assertThat(reviews.getLowCardinalityKeyValue("braid.relationship").getValue()).isEqualTo("Writer.books.reviews");
        assertThat(reviews.getLowCardinalityKeyValue("braid.entity").getValue()).isEqualTo("Novel");
        assertThat(reviews.getHighCardinalityKeyValue("braid.rows").getValue()).isEqualTo("2");
        Observation.Context reviewQuery = contexts().get(5);
        assertThat(reviewQuery.getLowCardinalityKeyValue("braid.relationship").getValue()).isEqualTo("Novel.reviews");
        assertThat(reviewQuery.getHighCardinalityKeyValue("db.statement").getValue()).isEqualTo(recorder().statements().get(2));
    }

    @Test
    void eachStreamWindowIsAnObservationOfItsReadAndItsLoads() {
        seed();

        List<Writer> writers = mapper.withSession(s -> s.select(Writer.class)
                .options(Loads.selectin(Writer_.books)).stream(2)).collectList().block(TIMEOUT);

        assertThat(writers).hasSize(3);
        assertThat(observations).hasNumberOfObservationsWithNameEqualTo("braid.stream.window", 2)
                .forAllObservationsWithNameEqualTo("braid.stream.window", window -> window
                        .hasContextualNameEqualTo("braid stream window Writer")
                        .hasLowCardinalityKeyValue("braid.operation", "stream_window")
                        .hasLowCardinalityKeyValue("braid.entity", "Writer")
                        .hasLowCardinalityKeyValue("outcome", "success"));
        List<Observation.Context> windows = contexts().stream().filter(c -> c.getName().equals("braid.stream.window")).toList();
        assertThat(windows).extracting(c -> c.getHighCardinalityKeyValue("braid.rows").getValue()).containsExactly("2", "1");
        for (Observation.Context window : windows) {
            assertThat(window.getParentObservation().getContextView().getName()).isEqualTo("braid.session");
            assertThat(childrenOf(window)).extracting(Observation.Context::getName).containsExactly("braid.statement", "braid.load");
            assertThat(childrenOf(childrenOf(window).get(1))).extracting(Observation.Context::getContextualName)
                    .containsExactly("braid relationship_load Writer.books");
        }
    }

    @Test
    void aUniqueViolationEndsTheStatementTheFlushAndTheTransactionWithOutcomeError() {
        StepVerifier.create(mapper.inTransaction(s -> s.addAll(List.of(new Team("admin"), new Team("admin")))))
                .expectError(MapperException.class).verify(TIMEOUT);

        assertThat(observations).hasObservationWithNameEqualTo("braid.statement").that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("braid.operation", postgres() ? "allocate_ids" : "insert");
        Observation.Context failed = contexts().stream()
                .filter(c -> c.getName().equals("braid.statement") && c.getError() != null).findFirst().orElseThrow();
        assertThat(failed.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("error");
        assertThat(failed.getLowCardinalityKeyValue("braid.operation").getValue()).isEqualTo("insert");
        assertThat(failed.getLowCardinalityKeyValue("braid.entity").getValue()).isEqualTo("Team");
        assertThat(failed.getError()).isInstanceOf(MapperException.class);
        assertThat(observations).hasObservationWithNameEqualTo("braid.flush").that()
                .hasLowCardinalityKeyValue("outcome", "error").hasError(failed.getError());
        assertThat(observations).hasObservationWithNameEqualTo("braid.session").that()
                .hasLowCardinalityKeyValue("braid.operation", "in_transaction")
                .hasLowCardinalityKeyValue("outcome", "error").hasError();
    }

    @Test
    void takeEndsTheQueryAndTheSessionWithOutcomeCancel() {
        seed();

        List<Writer> first = mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all())
                .take(1).collectList().block(TIMEOUT);

        assertThat(first).hasSize(1);
        assertThat(observations).hasNumberOfObservationsEqualTo(2)
                .hasObservationWithNameEqualTo("braid.statement").that()
                .hasBeenStopped().hasLowCardinalityKeyValue("outcome", "cancel").doesNotHaveError()
                .backToTestObservationRegistry()
                .hasObservationWithNameEqualTo("braid.session").that()
                .hasBeenStopped().hasLowCardinalityKeyValue("outcome", "cancel");
    }

    @Test
    void anObservationInTheReactorContextIsTheSessionsParent() {
        seed();
        Observation request = Observation.start("http.server.requests", observations);

        mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all())
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, request))
                .blockLast(TIMEOUT);
        request.stop();

        assertThat(observations).hasObservationWithNameEqualTo("braid.session").that()
                .hasParentObservationEqualTo(request);
        assertThat(tree()).containsExactly(
                "http.server.requests null",
                "  braid.session braid withSession",
                "    braid.statement braid query Writer",
                "    braid.load braid load Writer.books",
                "      braid.statement braid relationship_load Writer.books");
    }

    @Test
    void noObservationsWithoutAnObserverOrWithANoopRegistry() {
        seed();
        Mapper noop = Mapper.builder(pool(), GraphModel.registry()).observer(new BraidObservations(ObservationRegistry.NOOP)).build();

        plain.inTransaction(s -> s.add(new Writer("Plain"))).blockLast(TIMEOUT);
        noop.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all()).blockLast(TIMEOUT);
        noop.inTransaction(s -> s.add(new Writer("Noop"))).blockLast(TIMEOUT);

        assertThat(recorder().statements()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(observations).doesNotHaveAnyObservation();
    }

    @Test
    void aPredicateLeavesStatementsOutAndTheirUnitsStillNest() {
        seed();
        observations.observationConfig().observationPredicate((name, context) -> !"braid.statement".equals(name));

        mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books, Novel_.reviews)).all())
                .blockLast(TIMEOUT);

        assertThat(tree()).containsExactly(
                "braid.session braid withSession",
                "  braid.load braid load Writer.books",
                "    braid.load braid load Writer.books.reviews");
    }

    @Test
    void aCustomConventionAddsKeysAndKeepsTheNames() {
        seed();
        BraidObservationConvention tenant = new DefaultBraidObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(BraidObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
            }
        };
        Mapper custom = Mapper.builder(pool(), GraphModel.registry()).observer(new BraidObservations(observations, tenant)).build();

        custom.withSession(s -> s.select(Writer.class).all()).blockLast(TIMEOUT);

        assertThat(observations).hasNumberOfObservationsEqualTo(2)
                .forAllObservationsWithNameEqualTo("braid.statement", o -> o.hasLowCardinalityKeyValue("tenant", "acme")
                        .hasLowCardinalityKeyValue("braid.operation", "query"))
                .forAllObservationsWithNameEqualTo("braid.session", o -> o.hasLowCardinalityKeyValue("tenant", "acme"));
    }

    @Test
    void theMeterHandlerTimesEachObservationAndRowCountersCountStatementRows() {
        seed();
        MeterRegistry meters = new SimpleMeterRegistry();
        observations.observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(new BraidRowCounters(meters));

        mapper.inTransaction(s -> s.add(new Writer("Tolkien"))).blockLast(TIMEOUT);
        mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all()).blockLast(TIMEOUT);

        assertThat(meters.get("braid.statement").tag("braid.operation", "query").tag("braid.entity", "Writer")
                .tag("db.system", db()).tag("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(meters.get("braid.flush").tag("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(meters.get("braid.load").tag("braid.relationship", "Writer.books").timer().count()).isEqualTo(1);
        assertThat(meters.get("braid.session").tag("braid.operation", "in_transaction").timer().count()).isEqualTo(1);
        assertThat(meters.get(BraidRowCounters.NAME).tag("braid.operation", "query").counter().count()).isEqualTo(4);
        assertThat(meters.get(BraidRowCounters.NAME).tag("braid.operation", "relationship_load").counter().count()).isEqualTo(3);
        assertThat(meters.get(BraidRowCounters.NAME).tag("braid.operation", "insert").tag("braid.entity", "Writer")
                .counter().count()).isEqualTo(1);
        assertThat(meters.find(BraidRowCounters.NAME).tag("braid.operation", "flush").counter()).isNull();
    }

    boolean postgres() {
        return db().equals("postgresql");
    }

    /** The handled contexts, in start order. */
    List<Observation.Context> contexts() {
        List<Observation.Context> out = new ArrayList<>();
        assertThat(observations).hasHandledContextsThatSatisfy(out::addAll);
        return out;
    }

    List<Observation.Context> childrenOf(Observation.Context parent) {
        return contexts().stream().filter(c -> c.getParentObservation() != null
                && c.getParentObservation().getContextView() == parent).toList();
    }

    /** "name contextual-name" per observation, indented by depth, children in start order. */
    List<String> tree() {
        List<Observation.Context> all = contexts();
        List<String> out = new ArrayList<>();
        for (Observation.Context c : all) {
            if (c.getParentObservation() == null) tree(c, "", out);
        }
        return out;
    }

    private void tree(Observation.Context node, String indent, List<String> out) {
        out.add(indent + node.getName() + " " + node.getContextualName());
        for (Observation.Context child : childrenOf(node)) tree(child, indent + "  ", out);
    }

}
