package dev.braid.examples.streaming;

import dev.braid.examples.MariaDbExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export/import pipeline with {@code -Dbraid.url=r2dbc:mariadb://...}: source and target are then the same
 * database (the import drops and recreates the tables after the export), here one of its own.
 */
class MariaDbStreamingExportImportTest {

    @Test
    void twoThousandAuthorsRoundTripThroughNdjsonOnMariaDb(@TempDir Path dir) throws Exception {
        String database = MariaDbExamples.uniqueName();
        MariaDbExamples.createDatabases(database);
        try {
            MariaDbExamples.withBraidUrl(MariaDbExamples.url(database),
                    () -> StreamingExportImportTest.assertRoundTripOfTwoThousandAuthors(dir));
            // the imported rows, read directly: every author with their three books, the escapes stored as text
            assertThat(MariaDbExamples.rows(database, "SELECT COUNT(*), COUNT(DISTINCT author_id) FROM books"))
                    .containsExactly(List.of(6_000L, 2_000L));
            assertThat(MariaDbExamples.rows(database, "SELECT b.title FROM books b JOIN authors a ON a.id = b.author_id"
                    + " WHERE a.name = 'Author 3' ORDER BY b.id"))
                    .containsExactly(List.of("Book 7 \"Ch\u00e2teau\" \\ \u00e9t\u00e9 \u4e66"), List.of("Book 8"), List.of("Book 9"));
        } finally {
            MariaDbExamples.dropDatabases(database);
        }
    }
}
