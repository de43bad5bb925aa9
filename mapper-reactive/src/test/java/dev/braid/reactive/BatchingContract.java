package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.GraphModel;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Tag;
import dev.braid.reactive.graph.Writer;
import dev.braid.reactive.graph.Writer_;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One statement per table per batch where the dialect allows it, with every key flowing to the right row. */
abstract class BatchingContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    @Test
    void oneAuthorAThousandBooksAndThreeThousandLinkRows() {
        Writer writer = new Writer("prolific");
        List<Tag> tags = List.of(new Tag("a"), new Tag("b"), new Tag("c"));
        for (int i = 0; i < 1000; i++) {
            Novel novel = new Novel("book " + i);
            writer.books.add(novel);
            novel.tags.addAll(tags);
        }
        mapper.inTransactionMono(s -> s.add(writer)).block(TIMEOUT);

        if (postgres()) {
            // writer; tags (keys, rows); books (keys, rows); the 3,000 link rows in one statement
            assertThat(recorder().statements()).hasSize(6);
            assertThat(recorder().statements()).filteredOn(sql -> sql.startsWith("INSERT INTO book_tags"))
                    .hasSize(1).allMatch(sql -> sql.equals("INSERT INTO book_tags (book_id, tag_id) SELECT * FROM"
                            + " unnest($1::bigint[], $2::bigint[])"));
        } else {
            // writer; tags and books as multi-row VALUES returning their keys; link rows 1,000 per VALUES
            assertThat(recorder().statements()).hasSize(1 + 1 + 1 + 3);
            String books = "INSERT INTO books (title, author_id) VALUES ($1, $2), ($3, $4), ";
            assertThat(recorder().statements()).filteredOn(sql -> sql.startsWith(mariadb() ? books
                    : "SELECT id FROM FINAL TABLE (" + books)).hasSize(1);
            assertThat(recorder().statements()).filteredOn(sql -> sql.startsWith("INSERT INTO book_tags (book_id, tag_id) VALUES"))
                    .hasSize(3);
        }
        assertThat(count("books")).isEqualTo(1000);
        assertThat(count("book_tags")).isEqualTo(3000);
        // every foreign key is right: each book belongs to the writer, and each has the three tags
        assertThat(value("SELECT COUNT(*) FROM books WHERE author_id = " + writer.id)).isEqualTo(1000L);
        assertThat(rows("SELECT b.title, COUNT(t.id) FROM books b JOIN book_tags bt ON bt.book_id = b.id"
                + " JOIN tags t ON t.id = bt.tag_id GROUP BY b.title HAVING COUNT(t.id) <> 3")).isEmpty();
        // objects got the keys of their own rows (by position, not by trusting result order)
        List<Novel> books = new ArrayList<>(writer.books);
        for (Novel n : List.of(books.get(0), books.get(499), books.get(999))) {
            assertThat(value("SELECT title FROM books WHERE id = " + n.id)).isEqualTo(n.title);
        }
    }

    @Test
    void everyObjectGetsTheKeyOfItsOwnRowAcrossSeveralBatches() {
        Writer writer = new Writer("w");
        for (int i = 0; i < 2500; i++) writer.books.add(new Novel("book " + i));
        Novel handNumbered = new Novel("numbered by hand");
        handNumbered.id = 1_000_000L;
        writer.books.add(handNumbered);
        mapper.inTransactionMono(s -> s.add(writer)).block(TIMEOUT);

        // H2: 1,000 rows per VALUES statement, the hand-numbered row alone; PostgreSQL: one batch.
        assertThat(recorder().statements()).filteredOn(sql -> sql.contains("INSERT INTO books"))
                .hasSize(postgres() ? 1 : 4);
        java.util.Map<Long, String> titles = new java.util.HashMap<>();
        for (List<Object> row : rows("SELECT id, title FROM books")) titles.put(((Number) row.get(0)).longValue(), (String) row.get(1));
        assertThat(titles).hasSize(2501);
        for (Novel n : writer.books) {
            assertThat(titles.get(n.id)).as("row of book %s", n.id).isEqualTo(n.title);
        }
        assertThat(handNumbered.id).isEqualTo(1_000_000L);
    }

    @Test
    void rowsChangingTheSameColumnsShareOneUpdate() {
        Writer writer = new Writer("w");
        for (int i = 0; i < 10; i++) writer.books.add(new Novel("n" + i));
        mapper.inTransactionMono(s -> s.add(writer)).block(TIMEOUT);
        recorder().clear();
        mapper.inTransaction(s -> s.select(Novel.class).all().collectList().doOnNext(all -> {
            for (Novel n : all) n.title = n.title.toUpperCase() + "'s";
        })).blockLast(TIMEOUT);
        if (postgres()) {
            assertThat(recorder().statements()).containsExactly(
                    "SELECT books.id, books.title, books.author_id FROM books",
                    "UPDATE books SET title = braid_v.title FROM unnest($1::bigint[], $2::text[]) AS braid_v"
                            + " (id, title) WHERE books.id = braid_v.id");
        } else {
            assertThat(recorder().statements()).hasSize(11);
        }
        assertThat(rows("SELECT title FROM books ORDER BY id")).first().isEqualTo(List.of("N0's"));
        assertThat(value("SELECT COUNT(*) FROM books WHERE title LIKE 'N%''s'")).isEqualTo(10L);
    }

    @Test
    void batchedDeletesAndLinkRemovals() {
        Writer writer = new Writer("w");
        Tag tag = new Tag("t");
        for (int i = 0; i < 10; i++) {
            Novel n = new Novel("n" + i);
            writer.books.add(n);
            n.tags.add(tag);
        }
        mapper.inTransactionMono(s -> s.add(writer)).block(TIMEOUT);
        recorder().clear();
        mapper.inTransaction(s -> s.select(Writer.class).options(Loads.selectin(Writer_.books)).one()
                .flatMap(w -> s.load(w.books, dev.braid.reactive.graph.Novel_.tags).then(s.delete(w)))).blockLast(TIMEOUT);
        assertThat(count("books")).isZero();
        assertThat(count("book_tags")).isZero();
        assertThat(count("authors")).isZero();
        if (postgres()) {
            assertThat(recorder().statements()).contains(
                    "DELETE FROM books WHERE id = ANY($1::bigint[])");
        }
    }
}
