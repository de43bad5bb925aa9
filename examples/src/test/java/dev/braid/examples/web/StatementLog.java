package dev.braid.examples.web;

import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the application sends to the database, in order: each statement's SQL and the transaction calls on the
 * connections ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}), recorded by r2dbc-proxy, which Spring Boot
 * applies to its {@code ConnectionFactory} bean through {@link ProxyConnectionFactoryCustomizer} beans. Braid's,
 * {@code DatabaseClient}'s and Spring's transaction manager's calls all go through that one factory.
 */
final class StatementLog {
    private final List<String> entries = new CopyOnWriteArrayList<>();

    /** Registers the log with the test's application context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        ProxyConnectionFactoryCustomizer recordStatements(StatementLog log) {
            return builder -> builder
                    .onBeforeMethod(info -> {
                        String method = info.getMethod().getName(); // beginTransaction, commitTransaction, ...
                        if (method.endsWith("Transaction")) {
                            log.entries.add(method.substring(0, method.length() - "Transaction".length())
                                    .toUpperCase(Locale.ROOT));
                        }
                    })
                    .onBeforeQuery(info -> info.getQueries().forEach(query -> log.entries.add(query.getQuery())));
        }
    }

    /** Everything recorded since the last {@link #clear()}. */
    List<String> entries() {
        return List.copyOf(entries);
    }

    /** The transaction calls only. */
    List<String> transactionEvents() {
        return entries().stream().filter(e -> e.equals("BEGIN") || e.equals("COMMIT") || e.equals("ROLLBACK")).toList();
    }

    void clear() {
        entries.clear();
    }
}
