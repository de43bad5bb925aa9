package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Novel_;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Select.readOnly()}: detached results, the same SQL, one object per row within a query. */
abstract class ReadOnlyContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    private void seedLibrary() {
        LibraryFixture.seed(mapper);
        recorder().clear();
    }

    @Test
    void resultsAreDetachedAndChangesToThemAreNeverFlushed() {
        seedLibrary();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Writer.class).readOnly().orderBy(Writer_.id.asc())
                        .all().collectList()
                        .flatMap(writers -> {
                            writers.get(0).name = "changed in memory";
                            return s.flush().thenReturn(List.of(s.contains(writers.get(0)), writers.size()));
                        })))
                .expectNext(List.of(false, 3))
                .verifyComplete();
        // The flush sent nothing: only the query ran.
        assertThat(recorder().statements()).containsExactly("SELECT authors.id, authors.name FROM authors ORDER BY authors.id");
        assertThat(rows("SELECT name FROM authors ORDER BY id")).extracting(r -> r.get(0))
                .containsExactly("Jane Austen", "Leo Tolstoy", "Nobody");
    }

    @Test
    void relationshipsLoadIntoOneConsistentGraphWithTheSameStatementsAsATrackedQuery() {
        seedLibrary();
        List<Writer> tracked = mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books, Novel_.reviews)).all()).collectList().block(TIMEOUT);
        List<String> trackedStatements = List.copyOf(recorder().statements());
        recorder().clear();

        List<Writer> writers = mapper.withSession(s -> s.select(Writer.class).readOnly().orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books, Novel_.reviews)).all()).collectList().block(TIMEOUT);

        assertThat(recorder().statements()).hasSize(3).containsExactlyElementsOf(trackedStatements);
        assertThat(writers).extracting(w -> w.name).containsExactly("Jane Austen", "Leo Tolstoy", "Nobody");
        assertThat(writers.get(0).books).extracting(b -> b.title).containsExactly("Pride and Prejudice", "Emma");
        assertThat(writers.get(0).books.get(0).reviews).extracting(r -> r.stars).containsExactly(5);
        assertThat(writers.get(0).books.get(1).reviews).isEmpty();
        assertThat(writers.get(2).books.isLoaded()).isTrue();
        assertThat(writers.get(2).books).isEmpty();
        // Reverse references point at the objects of this result, not at copies.
        assertThat(writers.get(0).books.get(0).author.get()).isSameAs(writers.get(0));
        assertThat(writers.get(0).books.get(0).reviews.get(0).book.get()).isSameAs(writers.get(0).books.get(0));
        assertThat(writers).extracting(w -> w.id).containsExactlyElementsOf(tracked.stream().map(w -> w.id).toList());
    }

    @Test
    void manyToOneTargetsAreOneObjectPerRowWithinTheQuery() {
        seedLibrary();
        List<Novel> novels = mapper.withSession(s -> s.select(Novel.class).readOnly().orderBy(Novel_.id.asc())
                .options(Loads.selectin(Novel_.author)).all()).collectList().block(TIMEOUT);
        assertThat(novels).extracting(n -> n.title).containsExactly("Pride and Prejudice", "Emma", "War and Peace");
        assertThat(novels.get(0).author.get()).isSameAs(novels.get(1).author.get());
        assertThat(novels.get(0).author.get().books.isLoaded()).isFalse();
        assertThat(recorder().statements()).hasSize(2);
    }

    @Test
    void pendingChangesAreFlushedFirstAndTrackedObjectsStayAsTheyAre() {
        seedLibrary();
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(Writer.class).where(Writer_.name.eq("Nobody")).one()
                        .flatMap(nobody -> {
                            nobody.name = "Somebody"; // pending change to a tracked object
                            return s.add(new Writer("Newcomer"))
                                    .then(s.select(Writer.class).readOnly().orderBy(Writer_.id.asc()).all().collectList())
                                    .map(copies -> {
                                        Writer copy = copies.get(2);
                                        copy.name = "edited copy";
                                        return List.of(copies.stream().map(w -> w.id == null ? "?" : copy == w ? "copy" : w.name).toList(),
                                                copy != nobody, nobody.name, s.contains(nobody), copies.size());
                                    });
                        })))
                .expectNext(List.of(List.of("Jane Austen", "Leo Tolstoy", "copy", "Newcomer"), true, "Somebody", true, 4))
                .verifyComplete();
        // Autoflush before the read-only query: the UPDATE and the INSERT went first; the copy's edit went nowhere.
        List<String> statements = recorder().statements();
        assertThat(statements.get(statements.size() - 1)).isEqualTo("SELECT authors.id, authors.name FROM authors ORDER BY authors.id");
        assertThat(statements).anyMatch(sql -> sql.startsWith("UPDATE authors SET name = "));
        assertThat(rows("SELECT name FROM authors ORDER BY id")).extracting(r -> r.get(0))
                .containsExactly("Jane Austen", "Leo Tolstoy", "Somebody", "Newcomer");
    }

    @Test
    void firstAndOneAreReadOnlyToo_andMergeSavesAnEditedCopy() {
        seedLibrary();
        Writer copy = mapper.withSessionMono(s -> s.select(Writer.class).readOnly().where(Writer_.name.eq("Nobody")).one()
                .filter(w -> !s.contains(w))).block(TIMEOUT);
        assertThat(copy).isNotNull();
        Writer first = mapper.withSessionMono(s -> s.select(Writer.class).readOnly().orderBy(Writer_.id.desc()).first()
                .filter(w -> !s.contains(w))).block(TIMEOUT);
        assertThat(first.name).isEqualTo("Nobody");

        copy.name = "Somebody";
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.merge(copy).map(merged -> merged != copy && s.contains(merged))))
                .expectNext(true)
                .verifyComplete();
        assertThat(recorder().statements()).anyMatch(sql -> sql.startsWith("UPDATE authors SET name = "));
        assertThat(rows("SELECT name FROM authors WHERE id = " + copy.id)).containsExactly(List.of("Somebody"));
    }

    @Test
    void aJoinedLoadIsReadOnlyToo() {
        seedLibrary();
        List<Object> result = mapper.withSessionMono(s -> s.select(Writer.class).readOnly().orderBy(Writer_.id.asc())
                .options(Loads.joined(Writer_.books)).all().collectList()
                .map(writers -> List.<Object>of(writers, writers.stream().anyMatch(s::contains)))).block(TIMEOUT);
        @SuppressWarnings("unchecked") List<Writer> writers = (List<Writer>) result.get(0);
        assertThat(result.get(1)).isEqualTo(false);
        assertThat(writers).extracting(w -> w.name).containsExactly("Jane Austen", "Leo Tolstoy", "Nobody");
        assertThat(writers.get(0).books).extracting(b -> b.title).containsExactly("Pride and Prejudice", "Emma");
        assertThat(writers.get(0).books.get(1).author.get()).isSameAs(writers.get(0));
        assertThat(recorder().statements()).hasSize(1).allMatch(sql -> sql.contains("LEFT OUTER JOIN books"));
    }
}
