package dev.braid.core.internal.plan.schema;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.mapping.MappingRegistry;
import dev.braid.statement.RenderedSql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sequences of sequence keys in the DDL: created before the tables ({@code INCREMENT BY} the
 * allocation size, so one {@code nextval} reserves a block), each once however many entities share it;
 * dropped after the tables.
 */
final class SequenceDdl {
    private SequenceDdl() {}

    static List<RenderedSql> create(MappingRegistry registry, SqlRenderer renderer, boolean onlyMissing) {
        List<RenderedSql> out = new ArrayList<>();
        for (Map.Entry<String, ColumnMapping> s : sequences(registry).entrySet()) {
            int increment = s.getValue().source().allocationSize();
            String name = s.getValue().source().sequence();
            out.add(renderer.renderWith(w -> renderer.dialect().sequences().create(name, increment, onlyMissing, w)));
        }
        return out;
    }

    static List<RenderedSql> drop(MappingRegistry registry, SqlRenderer renderer) {
        List<RenderedSql> out = new ArrayList<>();
        for (ColumnMapping c : sequences(registry).values()) {
            out.add(renderer.renderWith(w -> renderer.dialect().sequences().drop(c.source().sequence(), true, w)));
        }
        return out;
    }

    private static Map<String, ColumnMapping> sequences(MappingRegistry registry) {
        Map<String, ColumnMapping> byName = new LinkedHashMap<>();
        for (EntityMapping entity : registry.dependencyOrder()) {
            ColumnMapping key = entity.valueSources().sequenceKey();
            if (key != null) byName.putIfAbsent(key.source().sequence().toLowerCase(Locale.ROOT), key);
        }
        return byName;
    }
}
