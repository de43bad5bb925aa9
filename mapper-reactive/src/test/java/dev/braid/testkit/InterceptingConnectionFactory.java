package dev.braid.testkit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Wraps a {@link ConnectionFactory} so that a test can take over the next call of a {@link Connection}
 * method, e.g. make {@code commitTransaction} fail as if the connection broke, or delay
 * {@code beginTransaction} the way a slow network would. Put it beneath a pool to see what the pool's
 * next user gets. One-shot: each {@link #interceptNext} takes over one call; calls queue up.
 */
public final class InterceptingConnectionFactory implements ConnectionFactory {

    /** Replaces one call: {@code call} runs the real method; the result is what the caller gets. */
    @FunctionalInterface
    public interface Interceptor {
        Publisher<?> around(Connection connection, Supplier<Publisher<?>> call);
    }

    private record Armed(String method, Interceptor interceptor) {}

    private final ConnectionFactory delegate;
    private final ConcurrentLinkedQueue<Armed> armed = new ConcurrentLinkedQueue<>();

    public InterceptingConnectionFactory(ConnectionFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Takes over the next call of the Connection method named {@code method} on any connection of this factory. */
    public void interceptNext(String method, Interceptor interceptor) {
        armed.add(new Armed(method, interceptor));
    }

    /** Interceptor: the real call, started after {@code delay} and finished even if its caller cancels (as drivers do). */
    public static Interceptor delayedUncancellable(Duration delay) {
        return (connection, call) -> {
            Mono<Void> running = Mono.delay(delay).then(Mono.defer(() -> Mono.from(call.get()).then())).cache();
            running.subscribe(null, e -> { });
            return running;
        };
    }

    /** Interceptor: the call fails with {@code error} without reaching the database. */
    public static Interceptor failWith(Throwable error) {
        return (connection, call) -> Mono.error(error);
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(this::wrap);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Interceptor interceptor = take(method.getName());
                    if (interceptor == null) {
                        return invoke(connection, method, args);
                    }
                    return interceptor.around(connection, () -> (Publisher<?>) invoke(connection, method, args));
                });
    }

    private Interceptor take(String method) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed next = it.next();
            if (next.method().equals(method) && armed.remove(next)) {
                return next.interceptor();
            }
        }
        return null;
    }

    private static Object invoke(Connection connection, java.lang.reflect.Method method, Object[] args) {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
