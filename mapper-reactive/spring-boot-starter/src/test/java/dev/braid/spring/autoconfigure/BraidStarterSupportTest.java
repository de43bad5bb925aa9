package dev.braid.spring.autoconfigure;

import dev.braid.error.MappingException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.spring.autoconfigure.broken.NoIdEntity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What does not depend on the database: metadata, registration files, SQL logging, the failure report. */
class BraidStarterSupportTest {

    @Test
    void configurationMetadataListsEveryBraidPropertyWithADescription() throws IOException {
        String json = resource("META-INF/spring-configuration-metadata.json");
        Matcher names = Pattern.compile("\"name\"\\s*:\\s*\"(braid\\.[a-z.-]+)\"").matcher(json);
        List<String> found = names.results().map(m -> m.group(1)).toList();
        assertThat(found).contains("braid.entities", "braid.fetch-size", "braid.acquire-timeout", "braid.fail-fast",
                "braid.sql-logging", "braid.schema.create-missing", "braid.observations.enabled",
                "braid.spring-transactions", "braid.replicas.urls", "braid.replicas.max-lag",
                "braid.replicas.read-your-writes-wait");
        assertThat(json).contains("\"defaultValue\": \"30s\"");
        assertThat(Pattern.compile("\"description\"").matcher(json).results().count()).isEqualTo(11);
    }

    @Test
    void theAutoConfigurationIsRegisteredForBoot() throws IOException {
        assertThat(resource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").trim().lines())
                .containsExactly(BraidAutoConfiguration.class.getName(), BraidObservationAutoConfiguration.class.getName());
    }

    @Test
    void sqlLoggingSetsTheSqlLoggerToDebugThroughBootsLoggingSystem() {
        LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
        try {
            runner().withPropertyValues("braid.entities=").run(context -> assertThat(context).hasNotFailed());
            assertThat(system.getLoggerConfiguration(BraidSqlLogging.LOGGER).getConfiguredLevel()).isNotEqualTo(LogLevel.DEBUG);

            runner().withPropertyValues("braid.sql-logging=true").run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(BraidSqlLogging.class);
                assertThat(system.getLoggerConfiguration(BraidSqlLogging.LOGGER).getConfiguredLevel()).isEqualTo(LogLevel.DEBUG);
            });
        } finally {
            system.setLogLevel(BraidSqlLogging.LOGGER, null);
        }
    }

    @Test
    void theStartupDdlRunsAfterSqlLoggingIsOnSoItIsLogged() {
        LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
        java.util.List<LogLevel> levelsAtDdl = new java.util.concurrent.CopyOnWriteArrayList<>();
        // java.util.logging (the tests' logging system) keeps a logger's level only while the logger is referenced
        java.util.logging.Logger held = java.util.logging.Logger.getLogger(BraidSqlLogging.LOGGER);
        try {
            runner().withPropertyValues("braid.sql-logging=true", "braid.schema.create-missing=true")
                    .withBean(dev.braid.reactive.ExecutionListener.class, () -> event -> {
                        if (event.origin().kind() == dev.braid.statement.StatementOrigin.Kind.SCHEMA) {
                            levelsAtDdl.add(system.getLoggerConfiguration(BraidSqlLogging.LOGGER).getConfiguredLevel());
                        }
                    })
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(levelsAtDdl).isNotEmpty().containsOnly(LogLevel.DEBUG);
            assertThat(held.getName()).isEqualTo(BraidSqlLogging.LOGGER);
        } finally {
            system.setLogLevel(BraidSqlLogging.LOGGER, null);
        }
    }

    @Test
    void anExplicitLoggingLevelWinsOverSqlLogging() {
        LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
        runner().withPropertyValues("braid.sql-logging=true", "logging.level.dev.braid.sql=INFO").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(system.getLoggerConfiguration(BraidSqlLogging.LOGGER).getConfiguredLevel()).isNotEqualTo(LogLevel.DEBUG);
        });
    }

    @Test
    void theFailureAnalyzerReportsEveryMappingProblem() throws IOException {
        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> MappingRegistry.builder().entity(NoIdEntity.class).build());
        FailureAnalysis analysis = new BraidMappingFailureAnalyzer().analyze(new IllegalStateException("wrapped", failure));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("BRAID_MAPPING").contains(failure.messages().get(0));
        assertThat(analysis.getAction()).contains("braid.entities");
        assertThat(resource("META-INF/spring.factories")).contains(
                "org.springframework.boot.diagnostics.FailureAnalyzer=" + BraidMappingFailureAnalyzer.class.getName());
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, BraidAutoConfiguration.class))
                .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///starter_support;DB_CLOSE_DELAY=-1",
                        "braid.entities=" + dev.braid.spring.autoconfigure.entities.StarterItem.class.getName());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BraidStarterSupportTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
