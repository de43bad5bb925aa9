package dev.braid.spring.autoconfigure;

import dev.braid.micrometer.BraidObservationConvention;
import dev.braid.micrometer.BraidObservations;
import dev.braid.micrometer.BraidRowCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observes the auto-configured {@code Mapper} with Micrometer when the application has an
 * {@link ObservationRegistry} bean (Spring Boot Actuator's observation auto-configuration provides one): a
 * {@link BraidObservations} observer, added to the mapper through a {@link MapperBuilderCustomizer}, makes one
 * observation per statement and unit of work, nested under the request's observation; with a
 * {@link MeterRegistry} bean, {@link BraidRowCounters} counts statement rows. Off with
 * {@code braid.observations.enabled=false}.
 */
@AutoConfiguration(before = BraidAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({BraidObservations.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "braid.observations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BraidObservationProperties.class)
public class BraidObservationAutoConfiguration {

    /** The auto-configuration; Spring creates it. */
    public BraidObservationAutoConfiguration() {}

    /**
     * The observer, with the application's {@link BraidObservationConvention} bean when it has one.
     *
     * @param registry   the application's observation registry
     * @param convention a custom convention bean, if any
     * @return the observer
     */
    @Bean
    @ConditionalOnMissingBean
    public BraidObservations braidObservations(ObservationRegistry registry,
                                               ObjectProvider<BraidObservationConvention> convention) {
        return new BraidObservations(registry, convention.getIfUnique());
    }

    /**
     * Adds the observer to the auto-configured mapper's builder.
     *
     * @param observations the observer
     * @return the customizer
     */
    @Bean
    public MapperBuilderCustomizer braidObservationsCustomizer(BraidObservations observations) {
        return builder -> builder.observer(observations);
    }

    /** Row counters, when the application has a meter registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    static class RowCounters {

        /**
         * Counts statement rows ({@code braid.statement.rows}); Boot registers observation handler beans with the
         * observation registry.
         *
         * @param meters the application's meter registry
         * @return the handler
         */
        @Bean
        @ConditionalOnMissingBean
        BraidRowCounters braidRowCounters(MeterRegistry meters) {
            return new BraidRowCounters(meters);
        }
    }
}
