package dev.braid.examples.web;

import dev.braid.error.ConstraintViolationException;
import jakarta.validation.ConstraintViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** RFC 9457 problem details, shared by the annotated controller and the functional routes. */
public final class Problems {
    private Problems() {}

    /** One invalid field: its path in the request body (or parameter name) and what is wrong. */
    public record FieldProblem(String field, String message) {}

    /** 404 for an id that matches no row. */
    public static ErrorResponseException notFound(String what, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " " + id + " does not exist");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /** 400 listing every invalid field. */
    public static ErrorResponseException invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request content.");
        problem.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** 400 from Bean Validation's violations, sorted by field. */
    public static ErrorResponseException invalid(Collection<? extends ConstraintViolation<?>> violations) {
        return invalid(violations.stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
    }

    /** 409 for a write the database refused (unique key, foreign key, not null): Braid's BRAID_CONSTRAINT. */
    public static ErrorResponseException conflict(ConstraintViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The database refused the change (SQLSTATE " + e.sqlState() + ")");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
    }

    /** The invalid fields of a rejected request body, sorted by field. */
    public static List<FieldProblem> fieldProblems(WebExchangeBindException e) {
        return e.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    /**
     * The problem details this API gives for {@code error} (400 with the invalid fields, 404, 409), or empty for an
     * unexpected error, which is left to Spring Boot's error handling. For responses that cannot change their
     * status any more, such as an event stream that has started.
     */
    public static Optional<ProblemDetail> describe(Throwable error) {
        if (error instanceof ConstraintViolationException constraint) return Optional.of(conflict(constraint).getBody());
        if (error instanceof WebExchangeBindException bind) bind.getBody().setProperty("errors", fieldProblems(bind));
        return error instanceof ErrorResponse response ? Optional.of(response.getBody()) : Optional.empty();
    }

    /**
     * The functional routes' error handler: an {@link ErrorResponse} (ours, or Spring's for unreadable bodies)
     * becomes {@code application/problem+json}; anything else goes on to Spring Boot's error handling.
     */
    public static Mono<ServerResponse> render(Throwable error, ServerRequest request) {
        if (error instanceof ConstraintViolationException constraint) {
            error = conflict(constraint);
        }
        if (error instanceof ErrorResponse response) {
            ProblemDetail body = response.getBody();
            if (body.getInstance() == null) body.setInstance(URI.create(request.path()));
            return ServerResponse.status(response.getStatusCode())
                    .headers(headers -> headers.addAll(response.getHeaders()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(body);
        }
        return Mono.error(error);
    }
}
