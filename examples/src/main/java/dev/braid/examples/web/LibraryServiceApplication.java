package dev.braid.examples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A Spring Boot WebFlux service over Braid: authors and their books as JSON.
 *
 * <ul>
 *   <li>braid-spring-boot-starter builds the {@code Mapper} from Spring Boot's {@code ConnectionFactory}
 *       (r2dbc-pool, configured by {@code spring.r2dbc.*}), maps the entities named by {@code braid.entities},
 *       creates their tables at startup ({@code braid.schema.create-missing}) and makes Braid's sessions join
 *       {@code @Transactional} methods; see {@code application.properties};</li>
 *   <li>{@link LibraryService}: every use of Braid ({@code @Transactional} writes, {@code mapper.readOnly} reads
 *       that go to replicas when {@code braid.replicas.urls} names some, a stream),
 *       returning DTO records; {@link AuditLog}: an audit row per write, with {@link DatabaseClient} (Spring Boot's,
 *       over the same {@code ConnectionFactory}), in the same transaction;</li>
 *   <li>{@link AuthorController}: an annotated controller for /api/authors, with an SSE stream and a streaming
 *       import that is all-or-nothing;</li>
 *   <li>{@link BookRoutes}: functional routes for /api/books over the same service;</li>
 *   <li>{@link ReadYourWritesFilter}: a client reads its own writes on replicas (header or cookie
 *       {@code Braid-Read-After});</li>
 *   <li>{@link ProblemDetailsAdvice} and {@link Problems}: RFC 9457 problem details for 400 and 404 (and 409);</li>
 *   <li>Spring Boot Actuator: Braid's observations as timers, e.g. {@code /actuator/metrics/braid.statement}.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -q -DskipTests -Pweb verify} (embedded H2; add
 * {@code -Dbraid.url=r2dbc:postgresql://postgres@127.0.0.1:5432/test} for PostgreSQL, or
 * {@code -Dspring.profiles.active=mariadb} for MariaDB on root@127.0.0.1:3306/test, see
 * {@code application-mariadb.properties}), then e.g. {@code curl localhost:8080/api/authors}.
 */
@SpringBootApplication
public class LibraryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibraryServiceApplication.class, args);
    }
}
