package dev.braid.examples;

import org.junit.jupiter.api.AfterAll;

import java.util.List;

/**
 * The seed scenarios with {@code -Dbraid.url=r2dbc:mariadb://.../{database}}: each scenario in a MariaDB database of
 * its own ({@code braid_<random>_blog}, ...), created and dropped here.
 */
class MariaDbSeedScenariosExampleTest extends SeedScenariosExampleContract {
    private static final List<String> SCENARIOS = List.of("blog", "association", "company", "library");
    private final String prefix = MariaDbExamples.uniqueName();

    private String[] databases() {
        return SCENARIOS.stream().map(scenario -> prefix + "_" + scenario).toArray(String[]::new);
    }

    @Override
    void runScenarios() throws Exception {
        MariaDbExamples.createDatabases(databases());
        MariaDbExamples.withBraidUrl(MariaDbExamples.url(ExampleDatabase.NAME), () -> {
            SeedScenariosExample.run(prefix);
            return null;
        });
    }

    @AfterAll
    void dropDatabases() {
        MariaDbExamples.dropDatabases(databases());
    }

    @Override
    String markers(String sql) {
        return sql.replaceAll("\\$\\d+", "?");
    }

    @Override
    String groups() {
        return "`groups`";
    }

    @Override
    String selectinPosts() {
        return "FROM posts WHERE posts.user_id IN (?)";
    }

    @Override
    String groupsUpsert() {
        return "INSERT IGNORE INTO `groups` (name) VALUES (?), (?)";
    }

    @Override
    List<List<Object>> rows(String scenario, String sql) {
        return MariaDbExamples.rows(prefix + "_" + scenario, sql);
    }
}
