package dev.braid.spring.autoconfigure;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.MappingException;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.ExecutionEvent;
import dev.braid.reactive.ExecutionListener;
import dev.braid.reactive.Mapper;
import dev.braid.spring.autoconfigure.broken.ScanBroken;
import dev.braid.spring.autoconfigure.entities.ScanHere;
import dev.braid.spring.autoconfigure.entities.StarterItem;
import dev.braid.spring.autoconfigure.entities.StarterTag;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The starter's behaviour on one database: subclasses give {@code spring.r2dbc.url} of an empty database (or
 * schema) per test.
 */
abstract class BraidAutoConfigurationContract {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An r2dbc URL of an empty database or schema, new for each call. */
    abstract String freshUrl();

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, BraidAutoConfiguration.class))
                .withPropertyValues("spring.r2dbc.url=" + freshUrl());
    }

    @Test
    void mapperOverBootsPooledConnectionFactoryWritesAndReads() {
        runner().withUserConfiguration(ScanHere.class)
                .withPropertyValues("braid.schema.create-missing=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Mapper.class).hasSingleBean(MappingRegistry.class);
                    ConnectionFactory factory = context.getBean(ConnectionFactory.class);
                    assertThat(factory).isInstanceOf(ConnectionPool.class);
                    Mapper mapper = context.getBean(Mapper.class);

                    Long id = mapper.inTransactionMono(session -> session.add(new StarterItem("first"))
                            .flatMap(item -> session.flush().thenReturn(item))
                            .map(StarterItem::getId)).block(TIMEOUT);

                    assertThat(id).isNotNull();
                    assertThat(query(factory, "SELECT name FROM starter_items")).containsExactly("first");
                    StarterItem read = mapper.withSessionMono(session -> session.get(StarterItem.class, id)).block(TIMEOUT);
                    assertThat(read.getName()).isEqualTo("first");
                });
    }

    @Test
    void withoutCreateMissingNoTableIsCreated() {
        runner().withUserConfiguration(ScanHere.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(BraidSchemaInitializer.class);
            assertThat(tableCount(context.getBean(ConnectionFactory.class))).isZero();
        });
    }

    @Test
    void createMissingCreatesEveryMappedTable() {
        runner().withUserConfiguration(ScanHere.class)
                .withPropertyValues("braid.schema.create-missing=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(BraidSchemaInitializer.class);
                    assertThat(tableCount(context.getBean(ConnectionFactory.class))).isEqualTo(2);
                });
    }

    @Test
    void scanningFindsEveryEntityOfTheApplicationPackage() {
        runner().withUserConfiguration(ScanHere.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(mappedTypes(context.getBean(MappingRegistry.class)))
                    .containsExactlyInAnyOrder(StarterItem.class, StarterTag.class);
        });
    }

    @Test
    void entitiesPropertyMapsOnlyTheNamedClassesAndSkipsTheScan() {
        runner().withUserConfiguration(ScanBroken.class) // the scan would fail: the named list must win
                .withPropertyValues("braid.entities=" + StarterItem.class.getName())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(mappedTypes(context.getBean(MappingRegistry.class))).containsExactly(StarterItem.class);
                });
    }

    @Test
    void anUnknownClassInEntitiesFailsWithBraidArgument() {
        runner().withPropertyValues("braid.entities=dev.braid.nowhere.Missing").run(context -> {
            assertThat(context).hasFailed();
            MapperException error = firstMapperException(context.getStartupFailure());
            assertThat(error).hasMessageContaining("dev.braid.nowhere.Missing")
                    .hasRootCauseInstanceOf(ClassNotFoundException.class);
            assertThat(error.code()).isEqualTo(ErrorCode.BRAID_ARGUMENT);
        });
    }

    @Test
    void aBrokenEntityFailsTheContextWithItsMappingProblems() {
        runner().withUserConfiguration(ScanBroken.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable root = rootCause(context.getStartupFailure());
            assertThat(root).isInstanceOf(MappingException.class);
            MappingException mapping = (MappingException) root;
            assertThat(mapping.code()).isEqualTo(ErrorCode.BRAID_MAPPING);
            assertThat(mapping.problems()).isNotEmpty();
            assertThat(mapping.getMessage()).contains("NoIdEntity");
        });
    }

    @Test
    void failFastFalseStartsTheContextAndFailsOnFirstUse() {
        runner().withUserConfiguration(ScanBroken.class)
                .withPropertyValues("braid.fail-fast=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThatThrownBy(() -> context.getBean(Mapper.class))
                            .isInstanceOf(BeanCreationException.class)
                            .rootCause().isInstanceOf(MappingException.class);
                });
    }

    @Test
    void bootsDatabaseClientUsesTheSameFactoryAndSeesBraidsRows() {
        runner().withUserConfiguration(ScanHere.class)
                .withPropertyValues("braid.schema.create-missing=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(DatabaseClient.class);
                    DatabaseClient client = context.getBean(DatabaseClient.class);
                    assertThat(client.getConnectionFactory()).isSameAs(context.getBean(ConnectionFactory.class));
                    context.getBean(Mapper.class).inTransactionMono(s -> s.add(new StarterItem("seen"))).block(TIMEOUT);
                    assertThat(client.sql("SELECT name FROM starter_items").map(row -> row.get(0, String.class)).all()
                            .collectList().block(TIMEOUT)).containsExactly("seen");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnMapperAndRegistry() {
        runner().withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Mapper.class).hasSingleBean(MappingRegistry.class);
            assertThat(context.getBean(MappingRegistry.class)).isSameAs(context.getBean(OwnBeans.class).registry);
            assertThat(context.getBean(Mapper.class)).isSameAs(context.getBean(OwnBeans.class).mapper);
            assertThat(context).doesNotHaveBean("braidMapper").doesNotHaveBean("braidMappingRegistry");
        });
    }

    @Test
    void backsOffForTheRegistryOnlyAndBuildsTheMapperOnTheApplicationsRegistry() {
        runner().withUserConfiguration(OwnRegistry.class).run(context -> {
            assertThat(context).hasNotFailed().hasBean("braidMapper").doesNotHaveBean("braidMappingRegistry");
            assertThat(context.getBean(Mapper.class).registry()).isSameAs(context.getBean(MappingRegistry.class));
            assertThat(mappedTypes(context.getBean(MappingRegistry.class))).containsExactly(StarterTag.class);
        });
    }

    @Test
    void everyExecutionListenerBeanIsRegisteredInOrder() {
        runner().withUserConfiguration(ScanHere.class, Listeners.class)
                .withPropertyValues("braid.schema.create-missing=true", "braid.fetch-size=10", "braid.acquire-timeout=5s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Listeners listeners = context.getBean(Listeners.class);
                    listeners.seen.clear(); // create-missing's DDL went through them too
                    context.getBean(Mapper.class)
                            .inTransactionMono(session -> session.add(new StarterItem("heard")).then(session.flush()).thenReturn(1))
                            .block(TIMEOUT);
                    List<String> inserts = listeners.seen.stream().filter(s -> s.contains("INSERT INTO")).toList();
                    assertThat(inserts).hasSize(2);
                    assertThat(inserts.get(0)).startsWith("first:");
                    assertThat(inserts.get(1)).startsWith("second:");
                });
    }

    /** The application's own beans. */
    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        final MappingRegistry registry = MappingRegistry.builder().entity(StarterItem.class).build();
        Mapper mapper;

        @Bean
        MappingRegistry myRegistry() { return registry; }

        @Bean
        Mapper myMapper(ConnectionFactory connectionFactory) {
            mapper = Mapper.builder(connectionFactory, registry).build();
            return mapper;
        }
    }

    /** The application's own registry only. */
    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean
        MappingRegistry myRegistry() { return MappingRegistry.builder().entity(StarterTag.class).build(); }
    }

    /** Two listener beans, ordered. */
    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        ExecutionListener second() { return event -> seen.add("second:" + event.sql()); }

        @Bean
        @Order(1)
        ExecutionListener first() { return (ExecutionEvent event) -> seen.add("first:" + event.sql()); }
    }

    static List<Class<?>> mappedTypes(MappingRegistry registry) {
        return registry.entities().stream().<Class<?>>map(EntityMapping::type).toList();
    }

    static MapperException firstMapperException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MapperException mapper) {
                return mapper;
            }
        }
        throw new AssertionError("no MapperException in the causes of " + failure, failure);
    }

    static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The first column of every row of {@code sql}, read on a connection of its own. */
    static List<String> query(ConnectionFactory factory, String sql) {
        return Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute())
                        .flatMap(result -> result.map((row, meta) -> String.valueOf(row.get(0))))
                        .collectList(),
                Connection::close).block(TIMEOUT);
    }

    /** How many of the test entities' tables exist in the current schema. */
    abstract long tableCount(ConnectionFactory factory);
}
