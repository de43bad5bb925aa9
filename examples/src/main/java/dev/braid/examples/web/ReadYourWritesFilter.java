package dev.braid.examples.web;

import dev.braid.error.MapperException;
import dev.braid.reactive.ReadYourWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes across requests, for a mapper with replicas ({@code braid.replicas.urls}): a client that wrote
 * reads its own writes even when its next request lands on a replica that has not replayed them yet.
 *
 * <p>Each request's client position comes in as header {@value #HEADER} (API clients) or cookie {@value #COOKIE}
 * (browsers); the request runs with {@link ReadYourWrites#after(String)} of it in its Reactor context, so its
 * {@code mapper.readOnly(...)} reads wait for a replica that has replayed that write (or go to the primary after
 * {@code braid.replicas.read-your-writes-wait}), and its commits advance it. The position after the request goes
 * back as the same header and an HttpOnly cookie. Without a position (a new client) reads take any replica within
 * {@code braid.replicas.max-lag}. A malformed position is ignored (clients may send anything). Without replicas,
 * or on a database without them, nothing changes but the header.
 */
@Component
public class ReadYourWritesFilter implements WebFilter {
    /** The request and response header carrying the client's position. */
    public static final String HEADER = "Braid-Read-After";
    /** The cookie carrying the client's position. */
    public static final String COOKIE = "braid-read-after";

    private static final Logger LOG = LoggerFactory.getLogger(ReadYourWritesFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ReadYourWrites writes = tracker(exchange.getRequest());
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> Mono.fromRunnable(() -> {
            String token = writes.token();
            if (token != null) {
                response.getHeaders().set(HEADER, token);
                response.addCookie(ResponseCookie.from(COOKIE, token).httpOnly(true).sameSite("Lax").path("/").build());
            }
        }));
        return chain.filter(exchange).contextWrite(writes.context());
    }

    private static ReadYourWrites tracker(ServerHttpRequest request) {
        String token = request.getHeaders().getFirst(HEADER);
        if (token == null) {
            HttpCookie cookie = request.getCookies().getFirst(COOKIE);
            token = cookie == null ? null : cookie.getValue();
        }
        try {
            return ReadYourWrites.after(token);
        } catch (MapperException e) {
            LOG.debug("Ignoring a malformed {} position: {}", HEADER, e.getMessage());
            return ReadYourWrites.start();
        }
    }
}
