package dev.braid.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main example keeps doing what the README says it does. */
class LibraryExampleTest {

    @Test
    void mainExampleRunsEndToEndOnEmbeddedH2() {
        assertMainExampleOutput(runMain(), "UPDATE authors SET name = $1 WHERE id = $2");
    }

    /** Runs {@link LibraryExample#main} on the database it picks, returning what it printed. */
    static String runMain() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LibraryExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** What the README says the example prints; {@code update} is step 4's UPDATE in the driver's markers. */
    static void assertMainExampleOutput(String out, String update) {
        assertThat(out).contains("committed: [Book(1, Pride and Prejudice, author 1), Book(2, Emma, author 1),"
                + " Book(3, War and Peace, author 2)]");
        assertThat(out).contains("found Book(1, Pride and Prejudice, author 1)", "found Book(3, War and Peace, author 2)");
        assertThat(out).contains("same object: true");
        assertThat(out).contains(update);
        assertThat(out).contains("books: 3", "Emma still there: false", "'Never Saved' in the database: false");
        assertThat(out).contains("Jane Austen has 2 book(s)\n   Lev Tolstoy has 1 book(s)");
    }
}
