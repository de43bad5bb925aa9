package dev.braid.examples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot WebFlux service over Braid: authors and their books as JSON.
 *
 * <ul>
 *   <li>{@link BraidConfiguration}: the {@code Mapper} built from Spring Boot's {@code ConnectionFactory} bean
 *       (r2dbc-pool, configured by {@code spring.r2dbc.*}), the mapping, and the schema created at startup;</li>
 *   <li>{@link LibraryService}: every use of Braid (sessions, transactions, loading), returning DTO records;</li>
 *   <li>{@link AuthorController}: an annotated controller for /api/authors, with an SSE stream and a streaming
 *       import that is all-or-nothing;</li>
 *   <li>{@link BookRoutes}: functional routes for /api/books over the same service;</li>
 *   <li>{@link ProblemDetailsAdvice} and {@link Problems}: RFC 9457 problem details for 400 and 404 (and 409).</li>
 * </ul>
 *
 * <p>Run: {@code mvn -q -DskipTests -Pweb verify}, then e.g. {@code curl localhost:8080/api/authors}.
 */
@SpringBootApplication
public class LibraryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibraryServiceApplication.class, args);
    }
}
