package dev.braid.reactive;

import dev.braid.reactive.model.Author;
import dev.braid.reactive.model.Author_;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements and timings go to dev.braid.sql; bind values never appear unless dev.braid.binds is enabled. */
abstract class SqlLoggingContract extends MapperTestBase {

    @Test
    void statementsAreLoggedWithTimingButWithoutBindValues() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            mapper.withSession(s -> s.select(Author.class).where(Author_.name.eq("secret-value-42")).all())
                    .blockLast(TIMEOUT);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).containsPattern("DEBUG sql - \\[\\d+\\.\\d\\d ms, 0 row\\(s\\)\\] SELECT authors\\.id,"
                + " authors\\.name, authors\\.born FROM authors WHERE authors\\.name = " + (mariadb() ? "\\?" : "\\$1"));
        assertThat(log).doesNotContain("secret-value-42");
    }
}
