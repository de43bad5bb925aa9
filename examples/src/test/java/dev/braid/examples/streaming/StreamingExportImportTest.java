package dev.braid.examples.streaming;

import dev.braid.examples.streaming.StreamingExportImport.AuthorLine;
import dev.braid.examples.streaming.StreamingExportImport.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export/import pipeline at a small size: everything that went out comes back, escaped correctly. */
class StreamingExportImportTest {

    @Test
    void twoThousandAuthorsRoundTripThroughNdjson(@TempDir Path dir) throws IOException {
        assertRoundTripOfTwoThousandAuthors(dir);
    }

    /**
     * Runs the pipeline for 2,000 authors with 3 books each on the database {@code ExampleDatabase} picks (the
     * file in {@code dir}) and asserts the reports, the progress lines and the file.
     */
    static Void assertRoundTripOfTwoThousandAuthors(Path dir) throws IOException {
        Path file = dir.resolve("authors.ndjson");
        List<String> printed = new ArrayList<>();
        List<Report> reports;
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)); // the SQL log
        try {
            reports = StreamingExportImport.run(2_000, 3, 500, 500, file, "streaming_export_import_test", printed::add);
        } finally {
            System.setOut(original);
        }
        Report exported = reports.get(0);
        Report imported = reports.get(1);

        assertThat(exported.authors()).isEqualTo(2_000);
        assertThat(exported.books()).isEqualTo(6_000);
        assertThat(imported.authors()).isEqualTo(exported.authors());
        assertThat(imported.books()).isEqualTo(exported.books());
        assertThat(imported.checksum()).isEqualTo(exported.checksum());
        // What the target database holds (read back by streaming it) matches what was exported.
        assertThat(printed).anyMatch(line -> line.startsWith("Round trip: the target holds 2,000 authors and 6,000 books;")
                && line.endsWith(": identical"));
        // A progress line every 500 authors, both ways, and a rate at the end.
        assertThat(printed).filteredOn(line -> line.startsWith("  exported ")).hasSize(4);
        assertThat(printed).filteredOn(line -> line.startsWith("  imported ")).hasSize(4);
        assertThat(printed).anyMatch(line -> line.matches("exported 2,000 authors \\+ 6,000 books = 8,000 rows in .* rows/s, file .* KB"));
        assertThat(printed).anyMatch(line -> line.matches("imported 2,000 authors \\+ 6,000 books = 8,000 rows in .* rows/s"));

        // One author per line; quotes, backslashes, line breaks and non-ASCII text survive as JSON escapes.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2_000);
        assertThat(lines.get(0)).isEqualTo("{\"id\":1,\"name\":\"Author 1\",\"books\":[{\"id\":1,\"title\":\"Book 1\"},"
                + "{\"id\":2,\"title\":\"Book 2\"},{\"id\":3,\"title\":\"Book 3\"}]}");
        AuthorLine third = JsonMapper.builder().build().readValue(lines.get(2), AuthorLine.class);
        assertThat(third.books()).extracting(b -> b.title())
                .containsExactly("Book 7 \"Ch\u00e2teau\" \\ \u00e9t\u00e9 \u4e66", "Book 8", "Book 9");
        AuthorLine fourth = JsonMapper.builder().build().readValue(lines.get(3), AuthorLine.class);
        assertThat(fourth.books().get(1).title()).isEqualTo("Book 11 line\nbreak");
        assertThat(lines.get(3)).contains("\"Book 11 line\\nbreak\"");
        return null;
    }
}
