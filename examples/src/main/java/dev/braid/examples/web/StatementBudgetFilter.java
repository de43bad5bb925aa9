package dev.braid.examples.web;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.reactive.StatementBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A statement budget per request (an N+1 guard): every Braid session that serves the request may send at most
 * {@code library.statement-budget} statements (BEGIN and COMMIT do not count). A handler that goes over it, typically
 * by loading a relationship once per object, fails before the extra statement is sent, and the client gets a
 * 500 {@code application/problem+json} with {@code "code": "BRAID_BUDGET"} and Braid's message, which names the
 * statements sent, the relationship repeated and the fix ({@code Loads.selectin(Author_.books)}). A real service
 * would log the message and keep SQL out of the response; this example shows it.
 *
 * <p>The budget travels in the Reactor context ({@link StatementBudget#perSession(int)}), so neither controllers
 * nor the service change. Streaming endpoints, whose statements grow with the stream by design, are exempt
 * ({@code library.statement-budget-exempt}); {@code library.statement-budget=-1} turns the guard off.
 */
@Component
public class StatementBudgetFilter implements WebFilter {
    private static final Logger LOG = LoggerFactory.getLogger(StatementBudgetFilter.class);
    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final int budget;
    private final List<String> exempt;
    private final ServerCodecConfigurer codecs;

    public StatementBudgetFilter(@Value("${library.statement-budget:25}") int budget,
                                 @Value("${library.statement-budget-exempt:}") List<String> exempt,
                                 ServerCodecConfigurer codecs) {
        this.budget = budget;
        this.exempt = List.copyOf(exempt);
        this.codecs = codecs;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (budget < 0 || exempt.contains(path)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .onErrorResume(MapperException.class, e -> e.code() == ErrorCode.BRAID_BUDGET
                        && !exchange.getResponse().isCommitted() ? overBudget(exchange, e) : Mono.error(e))
                .contextWrite(StatementBudget.perSession(budget));
    }

    private Mono<Void> overBudget(ServerWebExchange exchange, MapperException e) {
        LOG.warn("{} {} went over its statement budget: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        problem.setTitle("Statement budget exceeded");
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("code", e.code().name());
        problem.setProperty("budget", budget);
        exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
        @SuppressWarnings("unchecked")
        HttpMessageWriter<ProblemDetail> writer = (HttpMessageWriter<ProblemDetail>) codecs.getWriters().stream()
                .filter(w -> w.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst().orElseThrow();
        return writer.write(Mono.just(problem), PROBLEM, MediaType.APPLICATION_PROBLEM_JSON, exchange.getResponse(), Map.of());
    }
}
