package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code mapper.readOnly(...)} without replicas: reads on the primary, without a transaction; every kind of write
 * refused with {@code BRAID_READ_ONLY} before anything is sent; replicas refused at build time where the dialect
 * cannot read log positions.
 */
abstract class ReadOnlySessionContract extends MapperTestBase {
    private static final String WRITERS = "SELECT authors.id, authors.name FROM authors ORDER BY authors.id";

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    @BeforeEach
    void library() {
        LibraryFixture.seed(mapper);
        recorder().clear();
    }

    private void assertRefused(Throwable error) {
        assertThat(error).isInstanceOf(MapperException.class);
        assertThat(((MapperException) error).code()).isEqualTo(ErrorCode.BRAID_READ_ONLY);
        assertThat(error.getMessage()).contains("nothing was sent. Fix: write in mapper.inTransaction(...)");
    }

    @Test
    void readsWithoutATransaction() {
        StepVerifier.create(mapper.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().map(w -> w.name)))
                .expectNext("Jane Austen", "Leo Tolstoy", "Nobody")
                .verifyComplete();

        assertThat(recorder().statements()).containsExactly(WRITERS);
        assertThat(recorder().transactionEvents()).isEmpty();
    }

    @Test
    void aNewObjectIsRefusedAtTheEndAndNothingIsSent() {
        StepVerifier.create(mapper.readOnly(s -> s.add(new Writer("Brontë"))))
                .expectNextCount(1)
                .verifyErrorSatisfies(this::assertRefused);

        assertThat(recorder().statements()).isEmpty();
        assertThat(recorder().transactionEvents()).isEmpty();
        assertThat(count("authors")).isEqualTo(3);
    }

    @Test
    void aChangedObjectIsRefusedAtAnExplicitFlush() {
        StepVerifier.create(mapper.readOnly(s -> s.select(Writer.class).where(Writer_.name.eq("Nobody")).one()
                        .flatMap(w -> {
                            w.name = "Somebody";
                            return s.flush();
                        })))
                .verifyErrorSatisfies(this::assertRefused);

        assertThat(recorder().statements()).containsExactly("SELECT authors.id, authors.name FROM authors WHERE authors.name = $1 LIMIT $2");
        assertThat(recorder().transactionEvents()).isEmpty();
        assertThat(((Number) value("SELECT COUNT(*) FROM authors WHERE name = 'Nobody'")).longValue()).isEqualTo(1);
    }

    @Test
    void bulkWritesAndRawWritesAreRefusedUnsent() {
        StepVerifier.create(mapper.readOnly(s -> s.select(Writer.class).where(Writer_.name.eq("Nobody")).delete()))
                .verifyErrorSatisfies(this::assertRefused);
        StepVerifier.create(mapper.readOnly(s -> s.sql("UPDATE authors SET name = 'x'").execute()))
                .verifyErrorSatisfies(this::assertRefused);
        Writer gogol = new Writer("Gogol");
        gogol.id = 99L;
        StepVerifier.create(mapper.readOnly(s -> s.upsert(gogol).execute()))
                .verifyErrorSatisfies(this::assertRefused);

        assertThat(recorder().statements()).isEmpty();
        assertThat(recorder().transactionEvents()).isEmpty();
        assertThat(rows("SELECT name FROM authors ORDER BY id")).containsExactly(
                List.of("Jane Austen"), List.of("Leo Tolstoy"), List.of("Nobody"));
    }

    @Test
    void readOnlyInsideAnotherSessionIsANestedSession() {
        StepVerifier.create(mapper.withSession(s -> mapper.readOnlyMono(r -> r.select(Writer.class).first())))
                .verifyErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_NESTED_SESSION));
        StepVerifier.create(mapper.withSession(s -> mapper.independent().readOnlyMono(r -> r.select(Writer.class)
                        .orderBy(Writer_.id.asc()).first().map(w -> w.name))))
                .expectNext("Jane Austen")
                .verifyComplete();
    }

    @Test
    void replicasNeedADialectThatReadsLogPositions() {
        MapperBuilder builder = Mapper.builder(pool(), registry()).replicas(pool());
        if (postgres()) {
            assertThat(builder.build().dialect().replication()).isPresent();
            return;
        }
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT))
                .hasMessage("[BRAID_ARGUMENT] Mapper.builder(...).replicas(...) needs a dialect that reads log positions,"
                        + " to keep reads on replicas from being older than the reader's writes; " + mapper.dialect().name()
                        + " has none (Dialect.replication() is empty). Fix: use replicas with PostgreSQL, or leave them out");
    }

    @Test
    void streamsInWindowsAsWithSessionDoes() {
        StepVerifier.create(mapper.readOnly(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).stream(2).map(w -> w.name)))
                .expectNext("Jane Austen", "Leo Tolstoy", "Nobody")
                .verifyComplete();

        if (postgres()) {
            // The cursor's DECLARE and CLOSE write nothing: allowed, inside the stream's own transaction.
            assertThat(recorder().statements()).containsExactly("DECLARE braid_cursor_1 NO SCROLL CURSOR FOR " + WRITERS,
                    "FETCH FORWARD 2 FROM braid_cursor_1", "FETCH FORWARD 2 FROM braid_cursor_1", "CLOSE braid_cursor_1");
            assertThat(recorder().transactionEvents()).containsExactly("begin", "commit");
        } else {
            assertThat(recorder().statements()).hasSize(2).allMatch(sql -> sql.startsWith("SELECT authors.id, authors.name FROM authors"));
            assertThat(recorder().transactionEvents()).isEmpty();
        }
    }
}
