package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Novel_;
import dev.braid.reactive.graph.Review;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One-to-many / many-to-one with back_populates (seed 002), and the loading strategies. */
abstract class GraphContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    /**
     * A selectin query's FROM and WHERE for {@code keys} keys: {@code = ANY($1)} on PostgreSQL; on H2 a join on a
     * table of the keys bound as one array; on MariaDB an IN list.
     */
    private String selectinFrom(String table, String keyColumn, int keys) {
        if (postgres()) return " FROM " + table + " WHERE " + table + "." + keyColumn + " = ANY($1)";
        if (mariadb()) { // no arrays: one marker per key
            StringBuilder in = new StringBuilder(" FROM " + table + " WHERE " + table + "." + keyColumn + " IN (");
            for (int i = 1; i <= keys; i++) in.append(i > 1 ? ", $" : "$").append(i);
            return in.append(')').toString();
        }
        return " FROM TABLE(k bigint = $1) braid_keys JOIN " + table + " ON " + table + "." + keyColumn + " = braid_keys.k";
    }

    private static final String WRITERS = "SELECT authors.id, authors.name FROM authors";
    private static final String NOVEL_COLUMNS = "books.id, books.title, books.author_id";

    private void seedLibrary() {
        LibraryFixture.seed(mapper);
        recorder().clear();
    }

    @Test
    void assigningTheParentObjectSetsTheForeignKeyAndBothEndsInMemory() {
        Writer austen = new Writer("Jane Austen");
        Novel pride = new Novel("Pride and Prejudice");
        Novel emma = new Novel("Emma");
        pride.author.set(austen);
        austen.books.add(emma);
        // In memory at once, before any flush (back_populates):
        assertThat(austen.books).containsExactly(pride, emma);
        assertThat(emma.author.get()).isSameAs(austen);

        StepVerifier.create(mapper.inTransactionMono(s -> s.add(pride))).expectNext(pride).verifyComplete();

        // Adding the book cascades (save-update) to its author, inserted first so its id reaches the books.
        List<String> expected = new java.util.ArrayList<>(List.of(insertReturningId("authors", "name", "$1")));
        expected.addAll(insertRows("books", 2, "title, author_id", "$1, $2", "id, title, author_id",
                "bigint, text, bigint"));
        assertThat(recorder().statements()).containsExactlyElementsOf(expected);
        assertThat(pride.authorId).isEqualTo(austen.id).isNotNull();
        assertThat(rows("SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id ORDER BY b.id"))
                .containsExactly(List.of("Pride and Prejudice", "Jane Austen"), List.of("Emma", "Jane Austen"));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anObjectOfTheWrongTypeIsRefusedAtOnceNamingTheRelationshipAndNothingIsWritten() {
        Writer austen = new Writer("Jane Austen");
        Novel pride = new Novel("Pride and Prejudice", austen);
        Novel emma = new Novel("Emma");
        // Raw types and unchecked casts get past the compiler; Braid refuses before anything changes.
        assertThatThrownBy(() -> ((dev.braid.relation.Reference) pride.author).set(emma))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT))
                .hasMessageContaining("Novel.author holds Writer objects, not " + Novel.class.getName())
                .hasMessageContaining("Fix: pass a Writer");
        assertThatThrownBy(() -> ((List) austen.books).add(austen))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT))
                .hasMessageContaining("Writer.books holds Novel objects, not " + Writer.class.getName());
        assertThatThrownBy(() -> austen.books.add(null))
                .isInstanceOfSatisfying(MapperException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT))
                .hasMessageContaining("Writer.books cannot hold null");
        // Both ends are as they were.
        assertThat(pride.author.get()).isSameAs(austen);
        assertThat(austen.books).containsExactly(pride);

        StepVerifier.create(mapper.inTransactionMono(s -> s.add(pride))).expectNext(pride).verifyComplete();
        assertThat(recorder().statements()).containsExactly(insertReturningId("authors", "name", "$1"),
                insertReturningId("books", "title, author_id", "$1, $2"));
        assertThat(rows("SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id"))
                .containsExactly(List.of("Pride and Prejudice", "Jane Austen"));
    }

    @Test
    void aForeignKeySetDirectlyIsKeptWhenTheReferenceWasNeverSet() {
        Writer austen = new Writer("Jane Austen");
        mapper.inTransactionMono(s -> s.add(austen)).block(TIMEOUT);
        Novel emma = new Novel("Emma");
        emma.authorId = austen.id; // seed 002: using author_id directly, book.author untouched
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(emma).map(n -> n.authorId))).expectNext(austen.id).verifyComplete();
        assertThat(rows("SELECT title, author_id FROM books")).containsExactly(List.of("Emma", austen.id));
        // and a NOLOAD reference does not claim the key is NULL either
        mapper.inTransaction(s -> s.select(Novel.class).options(Loads.noload(Novel_.author)).all()
                .doOnNext(n -> n.title = "Emma!")).blockLast(TIMEOUT);
        assertThat(rows("SELECT title, author_id FROM books")).containsExactly(List.of("Emma!", austen.id));
    }

    @Test
    void movingAChildBetweenParentsUpdatesAllThreeEnds() {
        Writer a = new Writer("A");
        Writer b = new Writer("B");
        Novel book = new Novel("Moving", a);
        b.books.add(book);
        assertThat(a.books).isEmpty();
        assertThat(b.books).containsExactly(book);
        assertThat(book.author.get()).isSameAs(b);
        book.author.set(null);
        assertThat(b.books).isEmpty();
    }

    @Test
    void selectinLoadsChildrenWithOneQueryPerChunkAndSetsTheReverse() {
        seedLibrary();
        List<Writer> writers = mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books)).all()).collectList().block(TIMEOUT);

        assertThat(writers).extracting(w -> w.name).containsExactly("Jane Austen", "Leo Tolstoy", "Nobody");
        assertThat(writers.get(0).books).extracting(b -> b.title).containsExactly("Pride and Prejudice", "Emma");
        assertThat(writers.get(1).books).extracting(b -> b.title).containsExactly("War and Peace");
        assertThat(writers.get(2).books.isLoaded()).isTrue();
        assertThat(writers.get(2).books).isEmpty();
        assertThat(writers.get(0).books.get(0).author.get()).isSameAs(writers.get(0)); // reverse set, no query
        assertThat(recorder().statements()).containsExactly(
                WRITERS + " ORDER BY authors.id",
                "SELECT " + NOVEL_COLUMNS + selectinFrom("books", "author_id", 3));
    }

    @Test
    void collectionsComeBackInKeyOrderWhateverOrderTheRowsArriveIn() {
        LibraryFixture.seed(mapper);
        long austen = (Long) rows("SELECT id FROM authors WHERE name = 'Jane Austen'").get(0).get(0);
        // Rows stored out of key order: the database returns them in storage order without an ORDER BY.
        execute("INSERT INTO books (id, title, author_id) VALUES (9000, 'Sanditon', " + austen + ")");
        execute("INSERT INTO books (id, title, author_id) VALUES (8000, 'Persuasion', " + austen + ")");
        execute("INSERT INTO books (id, title, author_id) VALUES (8500, 'Lady Susan', " + austen + ")");
        recorder().clear();
        for (boolean readOnly : new boolean[] {false, true}) {
            List<Writer> writers = mapper.withSession(s -> {
                Select<Writer> select = s.select(Writer.class).where(Writer_.id.eq(austen)).options(Loads.selectin(Writer_.books));
                return (readOnly ? select.readOnly() : select).all();
            }).collectList().block(TIMEOUT);
            assertThat(writers.get(0).books).extracting(b -> b.title)
                    .containsExactly("Pride and Prejudice", "Emma", "Persuasion", "Lady Susan", "Sanditon");
        }
        assertThat(recorder().statements()).hasSize(4).noneMatch(sql -> sql.contains("books") && sql.contains("ORDER BY"));
    }

    @Test
    void aFailedChunkLeavesEveryOwnerUnloadedAndTheSessionUsable() {
        seedLibrary();
        recorder().failNextMatching("author_id");
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).all().collectList()
                        .flatMap(writers -> s.load(writers, Writer_.books).onErrorResume(e -> Mono.empty())
                                .then(Mono.fromCallable(() -> writers.stream().map(w -> w.books.isLoaded()).toList()))
                                // the same objects load on a second try, in the same session
                                .flatMap(loaded -> s.load(writers, Writer_.books).then(Mono.fromCallable(() -> List.of(loaded,
                                        writers.stream().map(w -> w.books.size()).toList())))))))
                .expectNext(List.of(List.of(false, false, false), List.of(2, 1, 0)))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(WRITERS,
                "SELECT " + NOVEL_COLUMNS + selectinFrom("books", "author_id", 3),
                "SELECT " + NOVEL_COLUMNS + selectinFrom("books", "author_id", 3));
    }

    @Test
    void nestedPathsLoadLevelByLevel() {
        seedLibrary();
        List<Writer> writers = mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                .options(Loads.selectin(Writer_.books, Novel_.reviews)).all()).collectList().block(TIMEOUT);
        assertThat(writers.get(0).books.get(0).reviews).extracting(r -> r.stars).containsExactly(5);
        assertThat(writers.get(0).books.get(1).reviews).isEmpty();
        assertThat(writers.get(1).books.get(0).reviews).extracting(r -> r.stars).containsExactly(4);
        assertThat(recorder().statements()).hasSize(3);
        assertThat(recorder().statements().get(2)).isEqualTo("SELECT reviews.id, reviews.stars, reviews.book_id"
                + selectinFrom("reviews", "book_id", 3));
    }

    @Test
    void manyToOneTargetsAlreadyHeldCostNoQuery() {
        seedLibrary();
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).all().collectList()
                        .thenMany(s.select(Novel.class).orderBy(Novel_.id.asc()).options(Loads.selectin(Novel_.author)).all())
                        .map(n -> n.author.get().name)))
                .expectNext("Jane Austen", "Jane Austen", "Leo Tolstoy")
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(2); // writers, novels; no query for the authors
    }

    @Test
    void manyToOneSelectinQueriesDistinctKeysOnce() {
        seedLibrary();
        List<Novel> novels = mapper.withSession(s -> s.select(Novel.class).orderBy(Novel_.id.asc())
                .options(Loads.selectin(Novel_.author)).all()).collectList().block(TIMEOUT);
        assertThat(novels.get(0).author.get()).isSameAs(novels.get(1).author.get());
        assertThat(recorder().statements().get(1))
                .isEqualTo("SELECT authors.id, authors.name" + selectinFrom("authors", "id", 2));
    }

    @Test
    void chunkBoundariesSendCeilOfParentsOverChunkQueries() {
        mapper.inTransaction(s -> {
            java.util.List<Writer> all = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Writer w = new Writer("w" + i);
                if (i % 2 == 0) w.books.add(new Novel("book of " + i));
                all.add(w);
            }
            return s.addAll(all);
        }).blockLast(TIMEOUT);
        for (int parents : new int[]{0, 1, 2, 3, 5}) {
            recorder().clear();
            List<Writer> loaded = mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc())
                    .limit(parents).options(Loads.selectin(Writer_.books).chunkSize(2)).all())
                    .collectList().block(TIMEOUT);
            assertThat(loaded).hasSize(parents).allSatisfy(w -> assertThat(w.books.isLoaded()).isTrue());
            assertThat(recorder().statements()).as("statements for %d parents", parents)
                    .hasSize(1 + (parents + 1) / 2);
        }
    }

    @Test
    void joinedLoadsInOneStatementAndLimitCountsParents() {
        seedLibrary();
        List<Writer> writers = mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).limit(2)
                .options(Loads.joined(Writer_.books)).all()).collectList().block(TIMEOUT);
        assertThat(writers).extracting(w -> w.name).containsExactly("Jane Austen", "Leo Tolstoy");
        assertThat(writers.get(0).books).extracting(b -> b.title).containsExactly("Pride and Prejudice", "Emma");
        assertThat(writers.get(1).books).hasSize(1);
        assertThat(recorder().statements()).containsExactly("SELECT authors.id, authors.name, books.id, books.title,"
                + " books.author_id FROM (SELECT authors.id, authors.name FROM authors ORDER BY authors.id LIMIT $1) authors"
                + " LEFT OUTER JOIN books ON books.author_id = authors.id ORDER BY authors.id, books.id");
    }

    @Test
    void joinedWithoutPagingIsOneStatementToo() {
        seedLibrary();
        List<Novel> novels = mapper.withSession(s -> s.select(Novel.class).orderBy(Novel_.id.asc())
                .options(Loads.joined(Novel_.author)).all()).collectList().block(TIMEOUT);
        assertThat(novels).extracting(n -> n.author.get().name).containsExactly("Jane Austen", "Jane Austen", "Leo Tolstoy");
        assertThat(recorder().statements()).containsExactly("SELECT " + NOVEL_COLUMNS + ", authors.id, authors.name"
                + " FROM books LEFT OUTER JOIN authors ON authors.id = books.author_id ORDER BY books.id");
    }

    @Test
    void unloadedRelationshipsRaiseNamingTheAttributeAndBothFixes() {
        seedLibrary();
        Writer writer = mapper.withSessionMono(s -> s.select(Writer.class).where(Writer_.name.eq("Jane Austen")).one())
                .block(TIMEOUT);
        assertThat(writer.books.isLoaded()).isFalse();
        assertThatThrownBy(() -> writer.books.size())
                .isInstanceOf(MapperException.class)
                .satisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_NOT_LOADED))
                .hasMessageContaining("Writer.books is not loaded")
                .hasMessageContaining(".options(Loads.selectin(Writer_.books))")
                .hasMessageContaining("session.load(entity, Writer_.books)");
        assertThatThrownBy(() -> writer.books.iterator().hasNext()).hasMessageContaining("Writer.books is not loaded");
        assertThatThrownBy(() -> writer.books.forEach(b -> { })).hasMessageContaining("Writer.books is not loaded");
        assertThatThrownBy(() -> writer.books.stream().count()).hasMessageContaining("Writer.books is not loaded");
        assertThatThrownBy(() -> writer.books.add(new Novel("x"))).hasMessageContaining("Writer.books is not loaded");

        Novel novel = mapper.withSessionMono(s -> s.select(Novel.class).where(Novel_.title.eq("Emma")).one()).block(TIMEOUT);
        assertThat(novel.authorId).isNotNull();
        assertThatThrownBy(novel.author::get).hasMessageContaining("Novel.author is not loaded"); // never looks null
    }

    @Test
    void noloadMarksLoadedAndEmptyWithoutQuerying() {
        seedLibrary();
        List<Writer> writers = mapper.withSession(s -> s.select(Writer.class)
                .options(Loads.noload(Writer_.books)).all()).collectList().block(TIMEOUT);
        assertThat(writers).allSatisfy(w -> assertThat(w.books).isEmpty());
        assertThat(recorder().statements()).hasSize(1);
    }

    @Test
    void explicitLoadOfManyObjectsIsOneQueryPerChunk() {
        seedLibrary();
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).orderBy(Writer_.id.asc()).all().collectList()
                        .flatMap(all -> s.load(all, Writer_.books).thenReturn(all))
                        .map(all -> all.get(0).books.size() + all.get(1).books.size() + all.get(2).books.size())))
                .expectNext(3)
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(2);
    }

    @Test
    void loadingAgainKeepsWhatIsLoaded() {
        seedLibrary();
        StepVerifier.create(mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all()
                        .collectList()
                        .flatMap(all -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).all().collectList())))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(recorder().statements()).hasSize(3); // writers, books, writers again (books already loaded)
    }

    @Test
    void anyFiltersParentsByTheirChildren() {
        seedLibrary();
        assertThat(mapper.withSession(s -> s.select(Writer.class)
                        .where(Writer_.books.any(Novel_.title.contains("Pride"))).all())
                .map(w -> w.name).collectList().block(TIMEOUT)).containsExactly("Jane Austen");
        assertThat(recorder().statements()).containsExactly(WRITERS + " WHERE EXISTS (SELECT 1 FROM books"
                + " WHERE books.author_id = authors.id AND books.title LIKE $1 ESCAPE '" + (mariadb() ? "\\\\" : "\\") + "')");
        assertThat(mapper.withSession(s -> s.select(Writer.class).where(Writer_.books.any().negate())
                .all()).map(w -> w.name).collectList().block(TIMEOUT)).containsExactly("Nobody");
        assertThat(mapper.withSession(s -> s.select(Novel.class).where(Novel_.author.has(Writer_.name.startsWith("Leo")))
                .all()).map(n -> n.title).collectList().block(TIMEOUT)).containsExactly("War and Peace");
    }

    @Test
    void joinFiltersOnTheRelatedEntityAndReturnsEachParentOnce() {
        seedLibrary();
        assertThat(mapper.withSession(s -> s.select(Writer.class).join(Writer_.books)
                        .where(Novel_.title.ne("nothing")).orderBy(Writer_.name.asc()).all())
                .map(w -> w.name).collectList().block(TIMEOUT)).containsExactly("Jane Austen", "Leo Tolstoy");
        // A to-many join filters the parents with a semi-join: each parent is one row (issue 14 item 1).
        assertThat(recorder().statements()).containsExactly(WRITERS + " WHERE EXISTS (SELECT 1 FROM books"
                + " WHERE books.author_id = authors.id AND books.title <> $1) ORDER BY authors.name");
    }

    @Test
    void cascadeDeleteRemovesTheBooksFirst() {
        seedLibrary();
        StepVerifier.create(mapper.inTransaction(s -> s.select(Writer.class).where(Writer_.name.eq("Leo Tolstoy"))
                        .options(Loads.selectin(Writer_.books, Novel_.reviews)).one()
                        .flatMap(s::delete)))
                .verifyComplete();
        assertThat(recorder().statements()).endsWith("DELETE FROM books WHERE id = $1", "DELETE FROM authors WHERE id = $1");
        assertThat(rows("SELECT title FROM books ORDER BY id"))
                .containsExactly(List.of("Pride and Prejudice"), List.of("Emma"));
    }

    @Test
    void deleteCascadeOnAnUnloadedCollectionFailsBeforeSendingAnything() {
        seedLibrary();
        StepVerifier.create(mapper.inTransaction(s -> s.select(Writer.class).where(Writer_.name.eq("Leo Tolstoy")).one()
                        .flatMap(s::delete)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("Writer.books cascades DELETE but is not loaded"))
                .verify(TIMEOUT);
        assertThat(count("authors")).isEqualTo(3);
    }

    @Test
    void removingFromTheCollectionDeletesTheOrphan() {
        seedLibrary();
        mapper.inTransaction(s -> s.select(Writer.class).where(Writer_.name.eq("Jane Austen"))
                .options(Loads.selectin(Writer_.books, Novel_.reviews)).one()
                .doOnNext(w -> w.books.remove(1))).blockLast(TIMEOUT);
        assertThat(recorder().statements()).last().isEqualTo("DELETE FROM books WHERE id = $1");
        assertThat(rows("SELECT title FROM books ORDER BY id"))
                .containsExactly(List.of("Pride and Prejudice"), List.of("War and Peace"));
    }

    @Test
    void iteratingRemovesThroughTheIteratorInSyncAndFailsFastOnChangesAroundIt() {
        seedLibrary();
        List<String> seen = new java.util.ArrayList<>();
        mapper.inTransaction(s -> s.select(Writer.class).where(Writer_.name.eq("Jane Austen"))
                .options(Loads.selectin(Writer_.books, Novel_.reviews)).one()
                .doOnNext(w -> {
                    w.books.forEach(b -> seen.add(b.title));
                    Novel emma = w.books.get(1);
                    for (java.util.Iterator<Novel> it = w.books.iterator(); it.hasNext(); ) {
                        if (it.next() == emma) it.remove();
                    }
                    assertThat(w.books).extracting(b -> b.title).containsExactly("Pride and Prejudice");
                    assertThat(emma.author.get()).isNull(); // the other end follows, as with remove(int)
                    java.util.Iterator<Novel> stale = w.books.iterator();
                    w.books.add(new Novel("Persuasion"));
                    assertThatThrownBy(stale::hasNext).isInstanceOf(java.util.ConcurrentModificationException.class);
                    assertThatThrownBy(stale::next).isInstanceOf(java.util.ConcurrentModificationException.class);
                    assertThatThrownBy(() -> w.books.forEach(b -> w.books.add(new Novel("Sanditon"))))
                            .isInstanceOf(java.util.ConcurrentModificationException.class);
                    w.books.removeIf(b -> b.title.equals("Sanditon"));
                })).blockLast(TIMEOUT);
        assertThat(seen).containsExactly("Pride and Prejudice", "Emma");
        // Emma, the orphan, leaves with her tag links; Sanditon, added and removed unflushed, never reached SQL.
        assertThat(recorder().statements()).filteredOn(sql -> sql.startsWith("DELETE"))
                .containsExactly("DELETE FROM book_tags WHERE book_id = $1", "DELETE FROM books WHERE id = $1");
        assertThat(recorder().statements()).filteredOn(sql -> sql.contains("INSERT INTO books")).hasSize(1);
        assertThat(rows("SELECT title FROM books ORDER BY id"))
                .containsExactly(List.of("Pride and Prejudice"), List.of("War and Peace"), List.of("Persuasion"));
    }

    @Test
    void getUsesIdentityMapAndSessionLoadFillsItsCollection() {
        seedLibrary();
        StepVerifier.create(mapper.withSessionMono(s -> s.select(Writer.class).where(Writer_.name.eq("Jane Austen")).one()
                        .flatMap(w -> s.load(w, Writer_.books).thenReturn(w))))
                .assertNext(w -> assertThat(w.books).hasSize(2))
                .verifyComplete();
    }

    @Test
    void mergeCascadesThroughLoadedRelationships() {
        seedLibrary();
        // A graph read in one session, changed while detached (say, a JSON round trip), merged in another.
        Writer detached = mapper.withSessionMono(s -> s.select(Writer.class).where(Writer_.name.eq("Jane Austen"))
                .options(Loads.selectin(Writer_.books)).one()).block(TIMEOUT);
        detached.books.get(0).title = "Pride & Prejudice";
        detached.books.add(new Novel("Persuasion"));
        recorder().clear();
        StepVerifier.create(mapper.inTransactionMono(s -> s.merge(detached).map(w -> w != detached && w.books.size() == 3)))
                .expectNext(true)
                .verifyComplete();
        assertThat(rows("SELECT title FROM books WHERE author_id = " + detached.id + " ORDER BY id"))
                .containsExactly(List.of("Pride & Prejudice"), List.of("Emma"), List.of("Persuasion"));
    }

    @Test
    void tenThousandAuthorsWithBooksAndReviewsUseOnePlusChunkedQueries() {
        execute(postgres()
                ? "INSERT INTO authors (name) SELECT 'a' || g FROM generate_series(1, 10000) g"
                : mariadb() ? "INSERT INTO authors (name) SELECT CONCAT('a', seq) FROM seq_1_to_10000"
                : "INSERT INTO authors (name) SELECT 'a' || x FROM SYSTEM_RANGE(1, 10000)");
        execute(postgres()
                ? "INSERT INTO books (title, author_id) SELECT 'b' || g, 1 + (g - 1) / 10 FROM generate_series(1, 100000) g"
                : mariadb() ? "INSERT INTO books (title, author_id) SELECT CONCAT('b', seq), 1 + (seq - 1) DIV 10 FROM seq_1_to_100000"
                : "INSERT INTO books (title, author_id) SELECT 'b' || x, 1 + (x - 1) / 10 FROM SYSTEM_RANGE(1, 100000)");
        execute(postgres()
                ? "INSERT INTO reviews (stars, book_id) SELECT 5, g FROM generate_series(1, 100000, 2) g"
                : mariadb() ? "INSERT INTO reviews (stars, book_id) SELECT 5, seq FROM seq_1_to_100000_step_2"
                : "INSERT INTO reviews (stars, book_id) SELECT 5, x FROM SYSTEM_RANGE(1, 100000, 2)");
        recorder().clear();
        int chunk = mapper.dialect().defaultInListChunkSize();
        long[] totals = mapper.withSession(s -> s.select(Writer.class)
                        .options(Loads.selectin(Writer_.books, Novel_.reviews)).all())
                .reduce(new long[3], (acc, w) -> {
                    acc[0]++;
                    acc[1] += w.books.size();
                    for (Novel n : w.books) acc[2] += n.reviews.size();
                    return acc;
                }).block(TIMEOUT);
        assertThat(totals).containsExactly(10_000, 100_000, 50_000);
        int expected = 1 + (10_000 + chunk - 1) / chunk + (100_000 + chunk - 1) / chunk;
        assertThat(recorder().statements()).hasSize(expected);
    }
}
