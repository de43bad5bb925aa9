package dev.braid.testing;

import dev.braid.reactive.Mapper;
import dev.braid.reactive.Session;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Statement-count assertions for tests of code that uses Braid: guards against N+1 loads and other statement
 * creep. Works with any test framework (failures are plain {@link AssertionError}s) and with the mapper as the
 * application builds it: no listener to register.
 *
 * <pre>{@code
 * import static dev.braid.testing.BraidAssertions.assertStatements;
 *
 * List<Author> authors = assertStatements(mapper, 2, s -> s.select(Author.class)
 *         .options(Loads.selectin(Author_.books)).all());
 * assertStatements(mapper, 3, () -> service.importAuthors(file));   // sessions the service opens on mapper
 * }</pre>
 *
 * <p>Each method subscribes to the work, waits for it to end (at most {@link #TIMEOUT}: these are test helpers
 * and block the calling test thread; never call them from a reactive pipeline), and then compares the number of
 * statements its sessions on {@code mapper} sent (as {@link StatementCapture} counts them) with the expected
 * number. An error of the work is thrown as it is (unchecked), with the statements sent so far attached as a
 * suppressed {@link AssertionError}.
 */
public final class BraidAssertions {
    /** The longest the assertions wait for the work: 30 seconds. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BraidAssertions() {}

    /**
     * Runs {@code work} in one {@code mapper.withSession} and checks it sent exactly {@code expected} statements.
     *
     * @param mapper   the mapper to open the session on
     * @param expected the number of statements the work must send
     * @param work     what to do with the session (the flush at the end of the scope counts too)
     * @param <T>      the type of the work's values
     * @return the work's values
     * @throws AssertionError listing every statement with its origin, when the count differs or the work does not
     *                        end within {@link #TIMEOUT}
     */
    public static <T> List<T> assertStatements(Mapper mapper, int expected, Function<Session, ? extends Publisher<T>> work) {
        requireMapper(mapper);
        return assertStatements(mapper, expected, () -> mapper.withSession(work));
    }

    /**
     * Runs {@code work} (subscribes to the publisher it returns) and checks that the sessions it opens on
     * {@code mapper}, through {@code withSession}, {@code inTransaction} or a transaction managed elsewhere, sent
     * exactly {@code expected} statements in all.
     *
     * @param mapper   the mapper whose sessions are counted (others' are not)
     * @param expected the number of statements the work must send
     * @param work     makes the publisher to run, e.g. {@code () -> service.findAuthors()}
     * @param <T>      the type of the work's values
     * @return the work's values
     * @throws AssertionError listing every statement with its origin, when the count differs or the work does not
     *                        end within {@link #TIMEOUT}
     */
    public static <T> List<T> assertStatements(Mapper mapper, int expected, Supplier<? extends Publisher<T>> work) {
        StatementCapture capture = StatementCapture.of(requireMapper(mapper));
        List<T> values = run(capture, work);
        capture.assertCount(expected);
        return values;
    }

    /**
     * Runs {@code work} and returns the statements its sessions on {@code mapper} sent, to assert their texts
     * ({@link StatementCapture#assertSql}) or origins.
     *
     * @param mapper the mapper whose sessions are recorded
     * @param work   makes the publisher to run
     * @param <T>    the type of the work's values
     * @return the capture holding the statements
     * @throws AssertionError when the work does not end within {@link #TIMEOUT}
     */
    public static <T> StatementCapture captureStatements(Mapper mapper, Supplier<? extends Publisher<T>> work) {
        StatementCapture capture = StatementCapture.of(requireMapper(mapper));
        run(capture, work);
        return capture;
    }

    private static <T> List<T> run(StatementCapture capture, Supplier<? extends Publisher<T>> work) {
        List<T> values;
        try {
            values = capture.record(Flux.defer(work)).collectList().block(TIMEOUT);
        } catch (RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Timeout on blocking read")) {
                throw new AssertionError("The work did not end within " + TIMEOUT + "; statements sent"
                        + (capture.count() == 0 ? ": none" : StatementCapture.list(capture.statements())), e);
            }
            e.addSuppressed(new AssertionError("Statements sent before the error"
                    + (capture.count() == 0 ? ": none" : StatementCapture.list(capture.statements()))));
            throw e;
        }
        return values == null ? List.of() : values;
    }

    private static Mapper requireMapper(Mapper mapper) {
        if (mapper == null) throw new IllegalArgumentException("the mapper is null");
        return mapper;
    }
}
