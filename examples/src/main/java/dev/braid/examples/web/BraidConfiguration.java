package dev.braid.examples.web;

import dev.braid.mapping.MappingRegistry;
import dev.braid.examples.catalog.Author;
import dev.braid.examples.catalog.Book;
import dev.braid.reactive.Mapper;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Braid in Spring: one {@link Mapper} over Spring Boot's pooled {@link ConnectionFactory}. */
@Configuration(proxyBeanMethods = false)
public class BraidConfiguration {

    /** The mapping; {@code build()} checks it at startup and reports every problem at once. */
    @Bean
    public MappingRegistry mappingRegistry() {
        return MappingRegistry.builder().entity(Author.class, Book.class).build();
    }

    /**
     * Spring Boot's {@code ConnectionFactory} is an r2dbc-pool {@code ConnectionPool} built from
     * {@code spring.r2dbc.url} and {@code spring.r2dbc.pool.*}; the dialect comes from its metadata.
     */
    @Bean
    public Mapper mapper(ConnectionFactory connectionFactory, MappingRegistry registry) {
        return Mapper.builder(connectionFactory, registry).build();
    }

    /**
     * Creates the tables that do not exist yet, before the server starts taking requests (singletons are
     * initialised before the web server starts). Blocking is fine here: this is startup, not a request.
     */
    @Bean
    public InitializingBean braidSchema(Mapper mapper) {
        return () -> mapper.schema().createMissing().block(Duration.ofSeconds(60));
    }
}
