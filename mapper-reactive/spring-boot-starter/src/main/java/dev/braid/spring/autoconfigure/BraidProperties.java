package dev.braid.spring.autoconfigure;

import dev.braid.reactive.ReplicaOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Braid's Spring Boot settings, the {@code braid.*} properties. The connection itself comes from Boot's
 * {@code spring.r2dbc.*} properties.
 */
@ConfigurationProperties("braid")
public class BraidProperties {

    /**
     * Fully qualified names of the entity classes to map. When empty, every class annotated with
     * dev.braid.annotation.Entity under the application's packages (those of its SpringBootApplication
     * class) is mapped.
     */
    private List<String> entities = new ArrayList<>();

    /**
     * Rows the driver fetches per round trip for root queries; 0 fetches the whole result in one go. Unset:
     * the mapper's default.
     */
    private @Nullable Integer fetchSize;

    /**
     * The longest a session waits for its connection before failing with BRAID_CONNECTION_UNAVAILABLE.
     */
    private Duration acquireTimeout = Duration.ofSeconds(30);

    /**
     * Fail the application context at startup when the mapping has problems (the MappingException lists
     * all of them). When false, the Braid beans are created lazily, on first use, and the same error
     * surfaces then.
     */
    private boolean failFast = true;

    /**
     * Log every statement and its timing (logger dev.braid.sql at DEBUG), set through Spring Boot's
     * logging system. Bound values are never logged by this switch (they are on logger dev.braid.binds).
     */
    private boolean sqlLogging = false;

    /**
     * Join Spring-managed transactions: inside a reactive @Transactional method or a TransactionalOperator of
     * R2dbcTransactionManager, withSession and inTransaction use that transaction's connection and one Braid
     * session per transaction, flushed before Spring commits. When false, Braid always opens its own
     * connections and transactions.
     */
    private boolean springTransactions = true;

    /** Schema management at startup. */
    private final Schema schema = new Schema();

    /** Streaming replicas of the database, for read-only work (mapper.readOnly). */
    private final Replicas replicas = new Replicas();

    /**
     * Whether sessions join Spring-managed transactions.
     *
     * @return true (the default) to join
     */
    public boolean isSpringTransactions() { return springTransactions; }

    /**
     * Sets whether sessions join Spring-managed transactions.
     *
     * @param springTransactions false to keep Braid's own connections and transactions everywhere
     */
    public void setSpringTransactions(boolean springTransactions) { this.springTransactions = springTransactions; }

    /**
     * Entity class names to map; empty to scan the application's packages.
     *
     * @return the class names (mutable, bound by Spring)
     */
    public List<String> getEntities() { return entities; }

    /**
     * Sets the entity class names to map.
     *
     * @param entities fully qualified class names
     */
    public void setEntities(List<String> entities) { this.entities = entities; }

    /**
     * Rows per fetch for root queries, or null for the mapper's default.
     *
     * @return the fetch size, or null when unset
     */
    public @Nullable Integer getFetchSize() { return fetchSize; }

    /**
     * Sets the rows per fetch for root queries.
     *
     * @param fetchSize rows per fetch, 0 for the whole result
     */
    public void setFetchSize(@Nullable Integer fetchSize) { this.fetchSize = fetchSize; }

    /**
     * The longest a session waits for its connection.
     *
     * @return the timeout
     */
    public Duration getAcquireTimeout() { return acquireTimeout; }

    /**
     * Sets the longest a session waits for its connection.
     *
     * @param acquireTimeout a positive duration
     */
    public void setAcquireTimeout(Duration acquireTimeout) { this.acquireTimeout = acquireTimeout; }

    /**
     * Whether mapping problems fail the context at startup.
     *
     * @return true to fail at startup (the default)
     */
    public boolean isFailFast() { return failFast; }

    /**
     * Sets whether mapping problems fail the context at startup.
     *
     * @param failFast false to create the Braid beans lazily
     */
    public void setFailFast(boolean failFast) { this.failFast = failFast; }

    /**
     * Whether statements are logged on dev.braid.sql at DEBUG.
     *
     * @return true when SQL logging is on
     */
    public boolean isSqlLogging() { return sqlLogging; }

    /**
     * Turns SQL logging on or off.
     *
     * @param sqlLogging true to log statements
     */
    public void setSqlLogging(boolean sqlLogging) { this.sqlLogging = sqlLogging; }

    /**
     * Schema management at startup.
     *
     * @return the schema settings
     */
    public Schema getSchema() { return schema; }

    /**
     * Streaming replicas for read-only work.
     *
     * @return the replica settings
     */
    public Replicas getReplicas() { return replicas; }

    /** The {@code braid.schema.*} properties. */
    public static class Schema {

        /**
         * Create the tables (and their constraints) of the mapped entities that do not exist yet, once, at
         * startup. For development and tests; use a migration tool in production.
         */
        private boolean createMissing = false;

        /**
         * Whether missing tables are created at startup.
         *
         * @return true to create missing tables
         */
        public boolean isCreateMissing() { return createMissing; }

        /**
         * Sets whether missing tables are created at startup.
         *
         * @param createMissing true to create missing tables
         */
        public void setCreateMissing(boolean createMissing) { this.createMissing = createMissing; }
    }

    /**
     * The {@code braid.replicas.*} properties: streaming replicas of the {@code spring.r2dbc.url} database that
     * {@code mapper.readOnly(...)} reads from (PostgreSQL only), each pooled like Boot's own connection factory.
     */
    public static class Replicas {

        /**
         * R2DBC URLs of streaming replicas of the primary database, e.g.
         * r2dbc:postgresql://reader@replica-1:5432/app. Each is pooled with r2dbc-pool using the spring.r2dbc.pool.*
         * settings; spring.r2dbc.username and password apply to a URL without a user. Empty: no replicas, every
         * read runs on the primary.
         */
        private List<String> urls = new ArrayList<>();

        /** A replica whose replay lags further behind the primary is skipped. */
        private Duration maxLag = ReplicaOptions.defaults().maxLag();

        /**
         * The longest a read waits for a replica to replay the reader's last write (its ReadYourWrites token)
         * before it runs on the primary; 0 goes to the primary at once.
         */
        private Duration readYourWritesWait = ReplicaOptions.defaults().readYourWritesWait();

        /**
         * The replicas' R2DBC URLs.
         *
         * @return the URLs (mutable, bound by Spring)
         */
        public List<String> getUrls() { return urls; }

        /**
         * Sets the replicas' R2DBC URLs.
         *
         * @param urls one URL per replica
         */
        public void setUrls(List<String> urls) { this.urls = urls; }

        /**
         * The maximum replay lag of a replica that reads may use.
         *
         * @return the lag
         */
        public Duration getMaxLag() { return maxLag; }

        /**
         * Sets the maximum replay lag of a replica that reads may use.
         *
         * @param maxLag a non-negative duration
         */
        public void setMaxLag(Duration maxLag) { this.maxLag = maxLag; }

        /**
         * The longest wait for a replica to replay the reader's last write.
         *
         * @return the wait
         */
        public Duration getReadYourWritesWait() { return readYourWritesWait; }

        /**
         * Sets the longest wait for a replica to replay the reader's last write.
         *
         * @param readYourWritesWait a non-negative duration
         */
        public void setReadYourWritesWait(Duration readYourWritesWait) { this.readYourWritesWait = readYourWritesWait; }
    }
}
