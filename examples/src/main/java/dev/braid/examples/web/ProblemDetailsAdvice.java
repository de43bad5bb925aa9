package dev.braid.examples.web;

import dev.braid.error.ConstraintViolationException;
import dev.braid.examples.web.Problems.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Problem details ({@code application/problem+json}) for the annotated controllers. Spring's
 * {@link ResponseEntityExceptionHandler} already turns {@code ErrorResponse} exceptions (our 404s, bad JSON, ...)
 * into problem details; this adds the list of invalid fields to validation errors, in the same shape as the
 * functional routes' ({@link Problems#invalid}), and maps Braid's constraint violations to 409.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ex.getBody().setProperty("errors", Problems.fieldProblems(ex));
        return super.handleWebExchangeBindException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        ex.getBody().setProperty("errors", errors);
        return super.handleHandlerMethodValidationException(ex, headers, status, exchange);
    }

    /** A write the database refused (BRAID_CONSTRAINT): 409. */
    @ExceptionHandler(ConstraintViolationException.class)
    public Mono<ResponseEntity<Object>> constraint(ConstraintViolationException ex, ServerWebExchange exchange) {
        return handleException(Problems.conflict(ex), exchange);
    }
}
