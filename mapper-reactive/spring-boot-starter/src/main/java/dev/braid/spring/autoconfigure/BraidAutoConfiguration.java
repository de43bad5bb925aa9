package dev.braid.spring.autoconfigure;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.ExecutionListener;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.MapperBuilder;
import dev.braid.reactive.ReplicaOptions;
import dev.braid.spring.transaction.SpringTransactions;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import java.util.List;

/**
 * Spring Boot auto-configuration for Braid: a {@link MappingRegistry} of the application's {@code @Entity}
 * classes and a {@link Mapper} over Boot's {@link ConnectionFactory} (an r2dbc-pool {@code ConnectionPool},
 * since the starter brings r2dbc-pool), configured by {@link BraidProperties}. Each bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = R2dbcAutoConfiguration.class)
@ConditionalOnClass(Mapper.class)
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties(BraidProperties.class)
public class BraidAutoConfiguration {

    /** The auto-configuration; Spring creates it. */
    public BraidAutoConfiguration() {}

    /**
     * The mapping of the entity classes named by {@code braid.entities}, else of every {@code @Entity} class
     * under the application's auto-configuration packages. Building it validates the whole mapping.
     *
     * @param properties     the braid.* properties
     * @param beanFactory    where the application's packages are recorded
     * @param environment    the environment, for the class-path scan
     * @param resourceLoader the application's resource and class loader
     * @return the frozen registry
     * @throws dev.braid.error.MappingException {@code BRAID_MAPPING} listing every problem of the mapping
     */
    @Bean
    @ConditionalOnMissingBean
    public MappingRegistry braidMappingRegistry(BraidProperties properties, BeanFactory beanFactory,
                                                Environment environment, ResourceLoader resourceLoader) {
        EntityScanner scanner = new EntityScanner(environment, resourceLoader);
        List<Class<?>> types;
        if (!properties.getEntities().isEmpty()) {
            types = scanner.named(properties.getEntities());
        } else {
            types = scanner.scan(AutoConfigurationPackages.has(beanFactory)
                    ? AutoConfigurationPackages.get(beanFactory) : List.of());
        }
        return MappingRegistry.builder().entity(types.toArray(Class<?>[]::new)).build();
    }

    /**
     * The pools of {@code braid.replicas.urls} (none when it is empty), disposed with the context.
     *
     * @param properties the braid.* properties
     * @param r2dbc      Boot's spring.r2dbc.* properties (pool settings, credentials), when Boot bound them
     * @return the replicas' pools
     */
    @Bean
    @ConditionalOnMissingBean
    public BraidReplicaPools braidReplicaPools(BraidProperties properties, ObjectProvider<R2dbcProperties> r2dbc) {
        return new BraidReplicaPools(properties.getReplicas().getUrls(), r2dbc.getIfAvailable());
    }

    /**
     * The mapper over Boot's connection factory, with {@code braid.fetch-size}, {@code braid.acquire-timeout},
     * the replicas of {@code braid.replicas.*} for {@code mapper.readOnly(...)}, every {@link ExecutionListener}
     * bean (in their {@code @Order}) as listeners, and, unless {@code braid.spring-transactions=false}, joining
     * Spring-managed transactions ({@link SpringTransactions}).
     *
     * @param connectionFactory Boot's connection factory (pooled when r2dbc-pool is present)
     * @param registry          the mapping
     * @param properties        the braid.* properties
     * @param replicas          the replicas' pools
     * @param listeners         the listener beans
     * @param customizers       the {@link MapperBuilderCustomizer} beans, applied last (in their {@code @Order})
     * @return the mapper
     * @throws MapperException {@code BRAID_ARGUMENT} when replicas are configured on a database without
     *         replication positions (only PostgreSQL has them)
     */
    @Bean
    @ConditionalOnMissingBean
    public Mapper braidMapper(ConnectionFactory connectionFactory, MappingRegistry registry,
                              BraidProperties properties, BraidReplicaPools replicas,
                              ObjectProvider<ExecutionListener> listeners,
                              ObjectProvider<MapperBuilderCustomizer> customizers) {
        MapperBuilder builder = Mapper.builder(connectionFactory, registry)
                .acquireTimeout(properties.getAcquireTimeout());
        if (!replicas.factories().isEmpty()) {
            builder.replicas(replicas.factories().toArray(ConnectionFactory[]::new))
                    .replicaOptions(ReplicaOptions.defaults().maxLag(properties.getReplicas().getMaxLag())
                            .readYourWritesWait(properties.getReplicas().getReadYourWritesWait()));
        }
        if (properties.getFetchSize() != null) {
            builder.fetchSize(properties.getFetchSize());
        }
        listeners.orderedStream().forEach(builder::listener);
        if (properties.isSpringTransactions()) {
            builder.externalTransactions(new SpringTransactions());
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (MapperException e) {
            if (replicas.factories().isEmpty()) throw e;
            throw new MapperException(e.code(), "braid.replicas.urls names " + replicas.factories().size()
                    + " replica(s), and the mapper could not use them: "
                    + e.getMessage().replaceFirst("^\\[" + e.code() + "\\] ", "")
                    + " (to run without replicas, remove braid.replicas.urls)", e);
        }
    }

    /**
     * Creates the missing tables once at startup when {@code braid.schema.create-missing=true}.
     *
     * @param mapper     the mapper whose schema is created
     * @param sqlLogging the SQL logging switch, when {@code braid.sql-logging=true}, created first so that the
     *                   startup DDL is logged
     * @return the initializer
     */
    @Bean
    @ConditionalOnProperty(name = "braid.schema.create-missing", havingValue = "true")
    public BraidSchemaInitializer braidSchemaInitializer(Mapper mapper, ObjectProvider<BraidSqlLogging> sqlLogging) {
        sqlLogging.ifAvailable(logging -> { }); // with braid.sql-logging, the level is set first: the DDL is logged
        return new BraidSchemaInitializer(mapper);
    }

    /**
     * Sets logger {@code dev.braid.sql} to DEBUG through Boot's logging system when
     * {@code braid.sql-logging=true}.
     *
     * @param beanFactory    where Boot registers its logging system
     * @param resourceLoader the application's class loader, to find the logging system otherwise
     * @param environment    to respect an explicit {@code logging.level.dev.braid.sql}
     * @return the switch
     */
    @Bean
    @ConditionalOnProperty(name = "braid.sql-logging", havingValue = "true")
    public BraidSqlLogging braidSqlLogging(BeanFactory beanFactory, ResourceLoader resourceLoader, Environment environment) {
        return new BraidSqlLogging(beanFactory, resourceLoader.getClassLoader(), environment);
    }

    /**
     * With {@code braid.fail-fast=false}, makes the Braid beans lazy so mapping problems surface on first use.
     *
     * @return the post-processor
     */
    @Bean
    @ConditionalOnProperty(name = "braid.fail-fast", havingValue = "false")
    public static BraidLazyBeans braidLazyBeans() {
        return new BraidLazyBeans();
    }
}
