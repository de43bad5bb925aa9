package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.statement.StatementOrigin;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import dev.braid.testkit.RecordingListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Execution listeners see every statement Braid sends, exactly as the wire does, with binds, row counts,
 * timing, outcome and origin; a throwing listener changes nothing.
 */
abstract class ExecutionListenerContract extends MapperTestBase {
    private final RecordingListener recording = new RecordingListener();
    private Mapper listened;

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    @BeforeEach
    void listenedMapper() {
        listened = Mapper.builder(pool(), registry())
                .listener(event -> { throw new IllegalStateException("a broken listener"); })
                .listener(recording)
                .build();
        recording.clear();
        recorder().clear();
    }

    @Test
    void everyStatementOfAFlushIsReportedWithItsStepEntityBindsAndRowCount() {
        Writer austen = new Writer("Jane Austen");
        new Novel("Emma", austen);
        new Novel("Persuasion", austen);

        listened.inTransaction(s -> s.add(austen)).blockLast(TIMEOUT);

        // The listener saw exactly what went over the wire, in the same order.
        assertThat(recording.statements()).isEqualTo(sql(recorder().statements()));
        assertThat(recording.events()).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(ExecutionEvent.Outcome.SUCCESS);
            assertThat(e.error()).isNull();
            assertThat(e.elapsedNanos()).isPositive();
            assertThat(e.origin().kind().isFlushStep()).isTrue();
        });
        List<String> issuers = recording.issuers();
        assertThat(issuers.get(0)).isIn("INSERT Writer", "ALLOCATE_IDS Writer");
        assertThat(issuers).contains("INSERT Writer", "INSERT Novel");
        assertThat(issuers.indexOf("INSERT Writer")).isLessThan(issuers.indexOf("INSERT Novel"));
        // The writer's INSERT binds its name; the novels' INSERT writes two rows.
        ExecutionEvent writerInsert = recording.events().get(issuers.indexOf("INSERT Writer"));
        assertThat(flatten(writerInsert.values())).contains("Jane Austen");
        ExecutionEvent novelInsert = recording.events().get(issuers.indexOf("INSERT Novel"));
        assertThat(novelInsert.rows()).isEqualTo(2);
        assertThat(flatten(novelInsert.values())).contains("Emma", "Persuasion", austen.id);
        assertThat(count("books")).isEqualTo(2);
    }

    @Test
    void queriesAndRelationshipLoadsAreReportedWithRowsReadAndTheKeysBound() {
        LibraryFixture.seed(mapper);
        List<Long> ids = rows("SELECT id FROM authors ORDER BY id").stream().map(r -> ((Number) r.get(0)).longValue()).toList();
        recorder().clear();

        List<Writer> writers = listened.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books)).all()).collectList().block(TIMEOUT);

        assertThat(writers).hasSize(3);
        assertThat(recording.statements()).isEqualTo(sql(recorder().statements()));
        assertThat(recording.origins()).containsExactly(
                StatementOrigin.of(StatementOrigin.Kind.QUERY, Writer.class),
                StatementOrigin.relationship(Writer.class, "Writer.books"));
        assertThat(recording.events()).extracting(ExecutionEvent::rows).containsExactly(3L, 3L);
        assertThat(recording.events().get(0).binds()).isEmpty();
        assertThat(flatten(recording.events().get(1).values())).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void countExistsAndBulkDeleteNameTheirKindAndEntity() {
        LibraryFixture.seed(mapper);

        long novels = listened.withSessionMono(s -> s.select(Novel.class).count()).block(TIMEOUT);
        boolean any = listened.withSessionMono(s -> s.select(Writer.class).where(Writer_.name.eq("Nobody")).exists()).block(TIMEOUT);
        long deleted = listened.inTransactionMono(s -> s.select(Writer.class).where(Writer_.name.eq("Nobody")).delete()).block(TIMEOUT);

        assertThat(novels).isEqualTo(3);
        assertThat(any).isTrue();
        assertThat(deleted).isEqualTo(1);
        assertThat(recording.issuers()).containsExactly("COUNT Novel", "EXISTS Writer", "BULK_DELETE Writer");
        assertThat(recording.events()).extracting(ExecutionEvent::rows).containsExactly(1L, 1L, 1L);
        assertThat(flatten(recording.events().get(1).values())).containsExactly("Nobody", 1L); // the filter, then LIMIT 1
    }

    @Test
    void aFailedStatementIsReportedAsAnErrorWithTheBraidException() {
        recorder().failNextMatching("INSERT INTO authors");

        assertThatThrownBy(() -> listened.inTransaction(s -> s.add(new Writer("Doomed"))).blockLast(TIMEOUT))
                .isInstanceOf(MapperException.class);

        assertThat(recording.events()).last().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ExecutionEvent.Outcome.ERROR);
            assertThat(e.error()).isInstanceOf(MapperException.class);
            assertThat(e.sql()).contains("INSERT INTO authors");
            assertThat(e.origin().kind()).isEqualTo(StatementOrigin.Kind.INSERT);
            assertThat(e.origin().entity()).isEqualTo(Writer.class);
        });
        assertThat(count("authors")).isZero();
    }

    @Test
    void schemaStatementsAreReportedAsSchemaWork() {
        listened.schema().dropAll().then(listened.schema().createAll()).block(TIMEOUT);

        assertThat(recording.count()).isPositive();
        assertThat(recording.statements()).isEqualTo(sql(recorder().statements()));
        assertThat(recording.origins()).containsOnly(StatementOrigin.of(StatementOrigin.Kind.SCHEMA));
    }

    @Test
    void aThrowingListenerDoesNotBreakTheSessionNorHideStatementsFromTheOthers() {
        Writer tolstoy = new Writer("Leo Tolstoy");
        listened.inTransaction(s -> s.add(tolstoy)).blockLast(TIMEOUT);
        Writer read = listened.withSessionMono(s -> s.get(Writer.class, tolstoy.id)).block(TIMEOUT);

        assertThat(read.name).isEqualTo("Leo Tolstoy");
        assertThat(recording.statements()).isEqualTo(sql(recorder().statements()));
        assertThat(recording.issuers()).last().isEqualTo("QUERY Writer");
    }

    // Bound values with arrays (key arrays, unnest columns) opened up.
    private static List<Object> flatten(List<Object> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            if (v != null && v.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(v); i++) out.add(Array.get(v, i));
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
