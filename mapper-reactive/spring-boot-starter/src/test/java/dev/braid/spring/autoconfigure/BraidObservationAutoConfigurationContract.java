package dev.braid.spring.autoconfigure;

import dev.braid.micrometer.BraidObservationContext;
import dev.braid.micrometer.BraidObservations;
import dev.braid.micrometer.BraidRowCounters;
import dev.braid.micrometer.DefaultBraidObservationConvention;
import dev.braid.reactive.Mapper;
import dev.braid.spring.autoconfigure.entities.ScanHere;
import dev.braid.spring.autoconfigure.entities.StarterItem;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.function.Predicate;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BraidObservationAutoConfiguration on one database: with an ObservationRegistry bean the auto-configured mapper
 * is observed (a write and a read give session, flush and statement observations); without one, or with
 * {@code braid.observations.enabled=false}, nothing is wired.
 */
abstract class BraidObservationAutoConfigurationContract {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An r2dbc URL of an empty database or schema, new for each call. */
    abstract String freshUrl();

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, BraidAutoConfiguration.class,
                        BraidObservationAutoConfiguration.class))
                .withUserConfiguration(ScanHere.class)
                .withPropertyValues("spring.r2dbc.url=" + freshUrl(), "braid.schema.create-missing=true");
    }

    @Configuration(proxyBeanMethods = false)
    static class Observations {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TenantConvention {
        @Bean
        DefaultBraidObservationConvention tenantConvention() {
            return new DefaultBraidObservationConvention() {
                @Override
                public KeyValues getLowCardinalityKeyValues(BraidObservationContext context) {
                    return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
                }
            };
        }
    }

    @Test
    void withAnObservationRegistryAWriteAndAReadAreObserved() {
        runner().withUserConfiguration(Observations.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(BraidObservations.class)
                    .hasSingleBean(MapperBuilderCustomizer.class).doesNotHaveBean(BraidRowCounters.class);
            TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
            observations.clear(); // the schema created at startup was observed too
            Mapper mapper = context.getBean(Mapper.class);
            String database = context.getBean(ConnectionFactory.class).getMetadata().getName().toLowerCase().contains("h2")
                    ? "h2" : "postgresql";

            Long id = mapper.inTransactionMono(s -> s.add(new StarterItem("observed"))
                    .flatMap(item -> s.flush().thenReturn(item)).map(StarterItem::getId)).block(TIMEOUT);
            assertThat(observations)
                    .hasObservationWithNameEqualTo("braid.session").that()
                    .hasBeenStopped()
                    .hasLowCardinalityKeyValue("braid.operation", "in_transaction")
                    .hasLowCardinalityKeyValue("outcome", "success")
                    .backToTestObservationRegistry()
                    .hasObservationWithNameEqualTo("braid.flush").that()
                    .hasBeenStopped()
                    .hasParentObservationContextMatching(named("braid.session"))
                    .backToTestObservationRegistry()
                    .hasAnObservation(o -> o.hasNameEqualTo("braid.statement")
                            .hasLowCardinalityKeyValue("braid.operation", "insert")
                            .hasLowCardinalityKeyValue("braid.entity", "StarterItem")
                            .hasLowCardinalityKeyValue("db.system", database)
                            .hasParentObservationContextMatching(named("braid.flush")));

            observations.clear();
            StarterItem read = mapper.withSessionMono(s -> s.get(StarterItem.class, id)).block(TIMEOUT);
            assertThat(read.getName()).isEqualTo("observed");
            assertThat(observations).hasNumberOfObservationsEqualTo(2)
                    .hasObservationWithNameEqualTo("braid.statement").that()
                    .hasBeenStopped()
                    .hasContextualNameEqualTo("braid query StarterItem")
                    .hasLowCardinalityKeyValue("braid.operation", "query")
                    .hasHighCardinalityKeyValue("braid.rows", "1")
                    .hasParentObservationContextMatching(parent -> parent.getLowCardinalityKeyValue("braid.operation")
                            .getValue().equals("with_session"));
        });
    }

    static Predicate<Observation.ContextView> named(String name) {
        return parent -> name.equals(parent.getName());
    }

    @Test
    void withoutAnObservationRegistryNothingIsWired() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Mapper.class)
                    .doesNotHaveBean(BraidObservations.class).doesNotHaveBean(MapperBuilderCustomizer.class)
                    .doesNotHaveBean(BraidRowCounters.class);
            Mapper mapper = context.getBean(Mapper.class);
            Long id = mapper.inTransactionMono(s -> s.add(new StarterItem("plain"))
                    .flatMap(item -> s.flush().thenReturn(item)).map(StarterItem::getId)).block(TIMEOUT);
            assertThat(id).isNotNull();
        });
    }

    @Test
    void observationsEnabledFalseLeavesTheMapperUnobserved() {
        runner().withUserConfiguration(Observations.class).withPropertyValues("braid.observations.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BraidObservations.class)
                            .doesNotHaveBean(MapperBuilderCustomizer.class);
                    context.getBean(Mapper.class).withSession(s -> s.select(StarterItem.class).all()).blockLast(TIMEOUT);
                    assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
                });
    }

    @Test
    void aMeterRegistryAddsRowCountersAndAConventionBeanIsUsed() {
        runner().withUserConfiguration(Observations.class, Meters.class, TenantConvention.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(BraidRowCounters.class);
            TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
            observations.clear();

            context.getBean(Mapper.class).withSession(s -> s.select(StarterItem.class).all()).blockLast(TIMEOUT);

            assertThat(observations).hasNumberOfObservationsEqualTo(2)
                    .forAllObservationsWithNameEqualTo("braid.statement", o -> o.hasLowCardinalityKeyValue("tenant", "acme"));
        });
    }
}
