package dev.braid.reactive.internal.exec;

import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL logging, SQLAlchemy's {@code echo=True}: statement and timing on {@code dev.braid.sql} at DEBUG;
 * bind values only on {@code dev.braid.binds} at TRACE, a separate logger (not a child of
 * {@code dev.braid.sql}, so turning SQL logging up never shows values) that is off unless you turn it
 * on, because values can be personal data.
 */
final class SqlLog {
    private static final Logger SQL = LoggerFactory.getLogger("dev.braid.sql");
    private static final Logger BINDS = LoggerFactory.getLogger("dev.braid.binds");

    private SqlLog() {}

    static boolean enabled() {
        return SQL.isDebugEnabled() || BINDS.isTraceEnabled();
    }

    static void executed(RenderedSql sql, long startNanos, long rows, String outcome) {
        if (SQL.isDebugEnabled()) {
            double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
            SQL.debug("[{} ms, {} {}] {}", String.format(java.util.Locale.ROOT, "%.2f", millis), rows, outcome, sql.sql());
        }
        if (BINDS.isTraceEnabled() && !sql.binds().isEmpty()) {
            BINDS.trace("binds {} for {}", describe(sql.binds()), sql.sql());
        }
    }

    static void failed(RenderedSql sql, long startNanos, Throwable error) {
        if (SQL.isDebugEnabled()) {
            double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
            SQL.debug("[{} ms, failed: {}] {}", String.format(java.util.Locale.ROOT, "%.2f", millis), error.toString(), sql.sql());
        }
        if (BINDS.isTraceEnabled() && !sql.binds().isEmpty()) {
            BINDS.trace("binds {} for {}", describe(sql.binds()), sql.sql());
        }
    }

    private static List<String> describe(List<Bind> binds) {
        List<String> out = new ArrayList<>(binds.size());
        for (Bind b : binds) {
            Object v = b.value();
            if (v != null && v.getClass().isArray()) {
                out.add(v.getClass().getComponentType().getSimpleName() + "[" + Array.getLength(v) + "]");
            } else {
                out.add(String.valueOf(v));
            }
        }
        return out;
    }
}
