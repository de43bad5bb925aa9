package dev.braid.reactive;

import dev.braid.testkit.InterceptingConnectionFactory;
import dev.braid.testkit.TestDatabase;
import reactor.core.publisher.Mono;

class H2TransactionTest extends TransactionContract {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }

    /** H2 runs in-process: the connection breaks when its session is closed under it. */
    @Override
    InterceptingConnectionFactory.Interceptor breakConnection() {
        return (connection, call) -> Mono.from(connection.close()).then(Mono.defer(() -> Mono.from(call.get())));
    }
}
