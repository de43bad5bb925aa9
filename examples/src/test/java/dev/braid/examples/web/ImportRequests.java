package dev.braid.examples.web;

import dev.braid.examples.web.Dtos.AuthorRequest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.util.Map;

/** The streaming import as a client calls it: NDJSON authors up, server-sent events back. */
final class ImportRequests {
    private ImportRequests() {}

    /** POSTs {@code input} to /api/authors/import, expects 200 and returns the event stream. */
    static Flux<ServerSentEvent<Map<String, Object>>> events(WebTestClient client, Flux<AuthorRequest> input) {
        return client.post().uri("/api/authors/import")
                .contentType(MediaType.APPLICATION_NDJSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .body(input, AuthorRequest.class)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody();
    }
}
