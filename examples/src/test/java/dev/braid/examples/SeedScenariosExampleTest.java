package dev.braid.examples;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The seed scenarios on embedded H2, each in an in-memory database of its own. */
class SeedScenariosExampleTest extends SeedScenariosExampleContract {
    private static final String PREFIX = "seed_scenarios_test";

    @Override
    void runScenarios() {
        SeedScenariosExample.run(PREFIX);
    }

    @Override
    String markers(String sql) {
        return sql;
    }

    @Override
    String groups() {
        return "\"groups\"";
    }

    @Override
    String selectinPosts() {
        return "FROM TABLE(k bigint = $1) braid_keys JOIN posts ON posts.user_id = braid_keys.k";
    }

    @Override
    String groupsUpsert() {
        return "MERGE INTO \"groups\" USING (VALUES ($1), ($2))";
    }

    /** Reads the scenario's H2 database directly (it lives until the JVM exits), not through Braid. */
    @Override
    List<List<Object>> rows(String scenario, String sql) {
        String url = "r2dbc:h2:mem:///" + PREFIX + "_" + scenario + ";DB_CLOSE_DELAY=-1";
        return Flux.usingWhen(ConnectionFactories.get(url).create(),
                        (Connection c) -> Flux.from(c.createStatement(sql).execute())
                                .concatMap(result -> result.map((row, meta) -> {
                                    List<Object> values = new ArrayList<>();
                                    for (int i = 0; i < meta.getColumnMetadatas().size(); i++) {
                                        Object value = row.get(i);
                                        values.add(value instanceof Number n && !(value instanceof Long) ? n.longValue() : value);
                                    }
                                    return values;
                                })),
                        Connection::close)
                .collectList()
                .block(Duration.ofSeconds(30));
    }
}
