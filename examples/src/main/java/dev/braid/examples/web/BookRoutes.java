package dev.braid.examples.web;

import dev.braid.examples.web.Dtos.NewBook;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/**
 * /api/books as functional routes over the same {@link LibraryService}: Braid's sessions work the same from a
 * handler function as from a controller (they are just publishers). Errors become problem details through
 * {@link Problems#render}; bodies are checked with Bean Validation's {@link Validator}.
 */
@Configuration(proxyBeanMethods = false)
public class BookRoutes {

    @Bean
    public RouterFunction<ServerResponse> bookRouter(LibraryService library, Validator validator) {
        Handlers handlers = new Handlers(library, validator);
        return RouterFunctions.route()
                .path("/api/books", books -> books
                        .GET("", deferred(handlers::list))
                        .GET("/{id}", deferred(handlers::get))
                        .POST("", deferred(handlers::create))
                        .PUT("/{id}", deferred(handlers::update))
                        .DELETE("/{id}", deferred(handlers::delete)))
                .onError(Throwable.class, Problems::render)
                .build();
    }

    /** Errors thrown while a handler builds its response (bad parameters) become error signals for onError. */
    private static HandlerFunction<ServerResponse> deferred(HandlerFunction<ServerResponse> handler) {
        return request -> Mono.defer(() -> handler.handle(request));
    }

    private record Handlers(LibraryService library, Validator validator) {

        Mono<ServerResponse> list(ServerRequest request) {
            int page = intParam(request, "page", 0, 0, Integer.MAX_VALUE);
            int size = intParam(request, "size", 20, 1, 100);
            return ServerResponse.ok().body(library.books(page, size), Dtos.Page.class);
        }

        Mono<ServerResponse> get(ServerRequest request) {
            return library.book(id(request)).flatMap(book -> ServerResponse.ok().bodyValue(book));
        }

        Mono<ServerResponse> create(ServerRequest request) {
            return body(request)
                    .flatMap(library::createBook)
                    .flatMap(book -> ServerResponse.created(URI.create("/api/books/" + book.id())).bodyValue(book));
        }

        Mono<ServerResponse> update(ServerRequest request) {
            long id = id(request);
            return body(request)
                    .flatMap(book -> library.updateBook(id, book))
                    .flatMap(book -> ServerResponse.ok().bodyValue(book));
        }

        Mono<ServerResponse> delete(ServerRequest request) {
            return library.deleteBook(id(request)).then(ServerResponse.noContent().build());
        }

        private Mono<NewBook> body(ServerRequest request) {
            return request.bodyToMono(NewBook.class)
                    .switchIfEmpty(Mono.error(() -> Problems.invalid(List.of(
                            new Problems.FieldProblem("body", "a JSON body is required")))))
                    .doOnNext(book -> {
                        var violations = validator.validate(book);
                        if (!violations.isEmpty()) throw Problems.invalid(violations);
                    });
        }

        private static long id(ServerRequest request) {
            String id = request.pathVariable("id");
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw Problems.invalid(List.of(new Problems.FieldProblem("id", "must be a number")));
            }
        }

        private static int intParam(ServerRequest request, String name, int fallback, int min, int max) {
            String raw = request.queryParam(name).orElse(null);
            if (raw == null) return fallback;
            try {
                int value = Integer.parseInt(raw);
                if (value >= min && value <= max) return value;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw Problems.invalid(List.of(new Problems.FieldProblem(name,
                    "must be a number between " + min + " and " + max)));
        }
    }
}
