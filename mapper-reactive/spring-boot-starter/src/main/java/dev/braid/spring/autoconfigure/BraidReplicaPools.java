package dev.braid.spring.autoconfigure;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * The connection factories of {@code braid.replicas.urls}, one per URL, each an r2dbc-pool {@link ConnectionPool}
 * configured by {@code spring.r2dbc.pool.*} as Spring Boot configures the primary's; a URL without a user gets
 * {@code spring.r2dbc.username} and {@code password}. A {@code r2dbc:pool:} URL is used as it is (it is a pool
 * already), and with {@code spring.r2dbc.pool.enabled=false} the factories are not pooled. The pools are disposed
 * when the application context closes.
 */
public final class BraidReplicaPools implements DisposableBean {
    private final List<ConnectionFactory> factories;

    /**
     * Creates the factories (connections are opened on first use).
     *
     * @param urls the replicas' R2DBC URLs
     * @param r2dbc Boot's {@code spring.r2dbc.*} properties, or null for r2dbc-pool's defaults and no credentials
     */
    public BraidReplicaPools(List<String> urls, @Nullable R2dbcProperties r2dbc) {
        this.factories = urls.stream().map(url -> create(url.strip(), r2dbc)).toList();
    }

    /**
     * The replicas' connection factories, in {@code braid.replicas.urls} order.
     *
     * @return the factories, empty without replicas
     */
    public List<ConnectionFactory> factories() {
        return factories;
    }

    /** Disposes the pools (each closes its idle connections and refuses new acquisitions). */
    @Override
    public void destroy() {
        for (ConnectionFactory factory : factories) {
            if (factory instanceof ConnectionPool pool && !pool.isDisposed()) {
                pool.dispose();
            }
        }
    }

    private static ConnectionFactory create(String url, @Nullable R2dbcProperties r2dbc) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
        if (r2dbc != null && !options.hasOption(ConnectionFactoryOptions.USER) && StringUtils.hasText(r2dbc.getUsername())) {
            ConnectionFactoryOptions.Builder builder = options.mutate()
                    .option(ConnectionFactoryOptions.USER, r2dbc.getUsername());
            if (StringUtils.hasText(r2dbc.getPassword())) {
                builder.option(ConnectionFactoryOptions.PASSWORD, r2dbc.getPassword());
            }
            options = builder.build();
        }
        ConnectionFactory factory = ConnectionFactories.get(options);
        if ("pool".equals(options.getValue(ConnectionFactoryOptions.DRIVER)) || (r2dbc != null && !r2dbc.getPool().isEnabled())) {
            return factory;
        }
        return new ConnectionPool(poolConfiguration(factory, r2dbc == null ? null : r2dbc.getPool()));
    }

    /** Spring Boot's mapping of {@code spring.r2dbc.pool.*} onto the pool's configuration. */
    private static ConnectionPoolConfiguration poolConfiguration(ConnectionFactory factory, R2dbcProperties.@Nullable Pool pool) {
        ConnectionPoolConfiguration.Builder builder = ConnectionPoolConfiguration.builder(factory);
        if (pool == null) {
            return builder.build();
        }
        builder.initialSize(pool.getInitialSize()).maxSize(pool.getMaxSize()).minIdle(pool.getMinIdle())
                .acquireRetry(pool.getAcquireRetry()).validationDepth(pool.getValidationDepth());
        if (pool.getMaxIdleTime() != null) builder.maxIdleTime(pool.getMaxIdleTime());
        if (pool.getMaxLifeTime() != null) builder.maxLifeTime(pool.getMaxLifeTime());
        if (pool.getMaxAcquireTime() != null) builder.maxAcquireTime(pool.getMaxAcquireTime());
        if (pool.getMaxCreateConnectionTime() != null) builder.maxCreateConnectionTime(pool.getMaxCreateConnectionTime());
        if (pool.getMaxValidationTime() != null) builder.maxValidationTime(pool.getMaxValidationTime());
        if (StringUtils.hasText(pool.getValidationQuery())) builder.validationQuery(pool.getValidationQuery());
        return builder.build();
    }
}
