package dev.braid.spring.autoconfigure;

import dev.braid.reactive.Mapper;
import org.springframework.beans.factory.InitializingBean;

import java.time.Duration;

/**
 * Runs {@code mapper.schema().createMissing()} once, while the context starts ({@code braid.schema.create-missing=true}):
 * singletons are created before the web server takes requests, so the tables exist by then. It blocks, which
 * is allowed here: startup runs on the main thread, not on a request or event-loop thread.
 */
public final class BraidSchemaInitializer implements InitializingBean {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Mapper mapper;

    /**
     * An initializer for {@code mapper}'s schema.
     *
     * @param mapper the mapper whose missing tables are created
     */
    public BraidSchemaInitializer(Mapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void afterPropertiesSet() {
        mapper.schema().createMissing().block(TIMEOUT);
    }
}
