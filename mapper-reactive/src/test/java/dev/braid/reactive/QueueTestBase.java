package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.graph.GraphModel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The graph model's writers and novels for the session-queue and coalesced-load contracts, and their statements. */
abstract class QueueTestBase extends MapperTestBase {
    static final String GET = "SELECT authors.id, authors.name FROM authors WHERE authors.id = $1";
    static final String ALL = "SELECT authors.id, authors.name FROM authors ORDER BY authors.id";
    static final String ALL_NOVELS = "SELECT books.id, books.title, books.author_id FROM books ORDER BY books.id";
    static final String GET_NOVEL = "SELECT books.id, books.title, books.author_id FROM books WHERE books.id = $1";
    static final String NOVELS_OF = "SELECT books.id, books.title, books.author_id FROM books WHERE books.author_id = $1";

    @Override
    protected MappingRegistry registry() {
        return GraphModel.registry();
    }

    /** {@code n} writers w1..wn, each with two novels; their ids in order. */
    List<Long> seedWriters(int n) {
        execute(postgres() ? "INSERT INTO authors (name) SELECT CONCAT('w', g) FROM generate_series(1, " + n + ") g"
                : mariadb() ? "INSERT INTO authors (name) SELECT CONCAT('w', seq) FROM seq_1_to_" + n
                : "INSERT INTO authors (name) SELECT CONCAT('w', x) FROM SYSTEM_RANGE(1, " + n + ")");
        execute("INSERT INTO books (title, author_id) SELECT CONCAT(name, ' first'), id FROM authors");
        execute("INSERT INTO books (title, author_id) SELECT CONCAT(name, ' second'), id FROM authors WHERE id > 0");
        recorder().clear();
        List<Long> ids = new ArrayList<>();
        for (List<Object> row : rows("SELECT id FROM authors ORDER BY id")) ids.add(((Number) row.get(0)).longValue());
        return ids;
    }

    void assertOneStatementAtATime() {
        assertThat(recorder().overlaps()).as("statements that started while another ran on the connection").isEmpty();
        assertThat(awaitAllReleased(Duration.ofSeconds(5))).isTrue();
    }
}
