package dev.braid.core.internal.meta;

import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The configure step's checks of generated keys (UUIDs, sequences), defaults and timestamps; resolves
 * each attribute's {@link ValueSource}. One instance per configure step: it remembers the sequences seen,
 * so two entities sharing one sequence with different allocation sizes are reported.
 */
final class ValueSourceChecks {
    private static final Set<Class<?>> TIMESTAMP_TYPES = Set.of(Instant.class, OffsetDateTime.class, LocalDateTime.class);

    private final List<MappingProblem> problems;
    private final Map<String, String> sequenceOwners = new HashMap<>();
    private final Map<String, Integer> sequenceSizes = new HashMap<>();

    ValueSourceChecks(List<MappingProblem> problems) {
        this.problems = problems;
    }

    /** Checks one attribute; its value source (possibly with parts that failed left out). */
    ValueSource check(EntitySpec spec, ColumnSpec column, Field field, long idCount) {
        String entity = spec.type().getSimpleName();
        String qualified = entity + "." + column.attribute();
        Class<?> type = field.getType();
        ColumnOptions options = column.options();
        checkKey(spec, column, type, idCount);
        String sequence = column.generation() == IdGeneration.SEQUENCE ? sequence(spec, column) : null;
        ColumnOptions.Timestamp timestamp = options.timestamp();
        if (timestamp == ColumnOptions.Timestamp.BOTH) {
            report(Kind.TIMESTAMP, entity, column, qualified + " is both @CreatedAt and @UpdatedAt",
                    "keep one (@UpdatedAt is also set at INSERT)");
        } else if (timestamp != ColumnOptions.Timestamp.NONE) {
            if (!TIMESTAMP_TYPES.contains(type)) {
                report(Kind.TIMESTAMP, entity, column, qualified + " is a " + timestampName(timestamp) + " timestamp of type "
                        + type.getSimpleName(), "use Instant, OffsetDateTime or LocalDateTime");
            } else if (column.id() || column.version()) {
                report(Kind.TIMESTAMP, entity, column, qualified + " is a " + timestampName(timestamp) + " timestamp and "
                        + (column.id() ? "an id" : "a version"), "put the timestamp on a column of its own");
            }
        }
        String server = options.serverDefault();
        if (server != null && server.isBlank()) {
            report(Kind.COLUMN_DEFAULT, entity, column, qualified + " has an empty server default",
                    "give the SQL expression, e.g. @ServerDefault(\"CURRENT_TIMESTAMP\"), or remove it");
            server = null;
        } else if (server != null && column.id()) {
            report(Kind.COLUMN_DEFAULT, entity, column, qualified + " is an id with a server default: a key must be"
                    + " known to track the object", "use @Identity or @SequenceKey for keys the database makes");
            server = null;
        }
        Supplier<?> client = options.hasClientDefault() ? clientDefault(spec, column, type) : null;
        if (client != null && (timestamp != ColumnOptions.Timestamp.NONE || column.generation() != IdGeneration.ASSIGNED)) {
            report(Kind.COLUMN_DEFAULT, entity, column, qualified + " has a client default and is also "
                    + (column.generation() != IdGeneration.ASSIGNED ? "a generated key" : "a timestamp"), "keep one of them");
        }
        if ((client != null || server != null) && type.isPrimitive()) {
            report(Kind.COLUMN_DEFAULT, entity, column, qualified + " has a default but is a primitive " + type
                    + ", which is never null, so the default would never apply", "use " + Boxing.boxed(type).getSimpleName());
        }
        ColumnOptions.Timestamp kept = timestamp == ColumnOptions.Timestamp.BOTH ? ColumnOptions.Timestamp.NONE : timestamp;
        if (sequence == null && server == null && client == null && kept == ColumnOptions.Timestamp.NONE) return ValueSource.NONE;
        return new ValueSource(sequence, sequence == null ? 0 : options.allocationSize(), server, client, kept);
    }

    private void checkKey(EntitySpec spec, ColumnSpec column, Class<?> type, long idCount) {
        IdGeneration generation = column.generation();
        if (generation == IdGeneration.ASSIGNED || generation == IdGeneration.IDENTITY) return;
        String entity = spec.type().getSimpleName();
        String qualified = entity + "." + column.attribute();
        String what = generation == IdGeneration.SEQUENCE ? "@SequenceKey" : "@GeneratedUuid";
        if (!column.id()) {
            report(Kind.KEY_GENERATION, entity, column, qualified + " is " + what + " but not @Id", "add @Id, or remove " + what);
        } else if (idCount > 1) {
            report(Kind.KEY_GENERATION, entity, column, qualified + " is " + what + " inside a composite key",
                    "assign composite keys in the application, or use a single generated id");
        } else if (spec.type().isRecord()) {
            report(Kind.KEY_GENERATION, entity, column, qualified + " is " + what + " on a record: records are read-only",
                    "remove " + what + ", or map a class instead of a record");
        } else if (generation != IdGeneration.SEQUENCE && type != UUID.class) {
            report(Kind.KEY_GENERATION, entity, column, qualified + " is @GeneratedUuid but has type " + type.getSimpleName(),
                    "declare it as java.util.UUID");
        } else if (generation == IdGeneration.SEQUENCE && type != Long.class && type != Integer.class) {
            report(Kind.KEY_GENERATION, entity, column, qualified + " is @SequenceKey but has type " + type.getSimpleName()
                    + (type.isPrimitive() ? ": a new object's 0 cannot be told from a real key" : ""), "use Long (or Integer)");
        }
    }

    private String sequence(EntitySpec spec, ColumnSpec column) {
        String entity = spec.type().getSimpleName();
        String qualified = entity + "." + column.attribute();
        String name = column.options().sequence();
        if (name == null || name.isEmpty()) name = spec.table() + "_seq";
        int size = column.options().allocationSize();
        if (name.isBlank()) {
            report(Kind.SEQUENCE_KEY, entity, column, qualified + " names a blank sequence", "name it, or leave the name empty for "
                    + spec.table() + "_seq");
        }
        if (size < 1) {
            report(Kind.SEQUENCE_KEY, entity, column, qualified + " has allocationSize " + size
                    + ": each round trip must reserve at least one key", "use allocationSize >= 1 (50 by default)");
            return name;
        }
        String key = name.toLowerCase(Locale.ROOT);
        Integer other = sequenceSizes.putIfAbsent(key, size);
        if (other != null && other != size) {
            report(Kind.SEQUENCE_KEY, entity, column, qualified + " uses sequence " + name + " with allocationSize " + size
                    + ", but " + sequenceOwners.get(key) + " uses it with " + other
                    + ": the sequence has one INCREMENT BY", "give both the same allocationSize, or use two sequences");
        }
        sequenceOwners.putIfAbsent(key, qualified);
        return name;
    }

    private Supplier<?> clientDefault(EntitySpec spec, ColumnSpec column, Class<?> type) {
        ColumnOptions options = column.options();
        String entity = spec.type().getSimpleName();
        String qualified = entity + "." + column.attribute();
        if (options.clientDefault() != null) return options.clientDefault();
        boolean hasClass = options.clientDefaultClass() != null;
        boolean hasMethod = options.clientDefaultMethod() != null && !options.clientDefaultMethod().isEmpty();
        if (hasClass == hasMethod) {
            report(Kind.COLUMN_DEFAULT, entity, column, qualified + " has @ClientDefault with " + (hasClass ? "both a"
                    + " Supplier class and a method" : "neither a Supplier class nor a method"),
                    "name one: @ClientDefault(MySupplier.class) or @ClientDefault(method = \"staticMethod\")");
            return null;
        }
        try {
            if (hasClass) {
                Constructor<?> constructor = options.clientDefaultClass().getDeclaredConstructor();
                constructor.setAccessible(true);
                return (Supplier<?>) constructor.newInstance();
            }
            Method method = spec.type().getDeclaredMethod(options.clientDefaultMethod());
            if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() == void.class) {
                report(Kind.COLUMN_DEFAULT, entity, column, qualified + "'s client default method "
                        + options.clientDefaultMethod() + "() is not a static method returning a value",
                        "make it static, returning " + type.getSimpleName());
                return null;
            }
            method.setAccessible(true);
            return () -> invoke(method, qualified);
        } catch (NoSuchMethodException e) {
            report(Kind.COLUMN_DEFAULT, entity, column, qualified + "'s client default " + (hasClass
                    ? options.clientDefaultClass().getName() + " has no no-arg constructor"
                    : "method " + options.clientDefaultMethod() + "() does not exist on " + entity),
                    hasClass ? "add a no-arg constructor" : "declare static " + type.getSimpleName() + " "
                            + options.clientDefaultMethod() + "() on " + entity);
        } catch (ReflectiveOperationException | RuntimeException e) {
            report(Kind.COLUMN_DEFAULT, entity, column, qualified + "'s client default cannot be created (" + e + ")",
                    "make it accessible to Braid (open its package to dev.braid.core)");
        }
        return null;
    }

    private static Object invoke(Method method, String qualified) {
        try {
            return method.invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_ARGUMENT,
                    "The client default of " + qualified + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw dev.braid.core.internal.util.Require.bug("client default method became inaccessible: " + e, e);
        }
    }

    private static String timestampName(ColumnOptions.Timestamp timestamp) {
        return timestamp == ColumnOptions.Timestamp.CREATED ? "@CreatedAt" : "@UpdatedAt";
    }

    private void report(Kind kind, String entity, ColumnSpec column, String problem, String fix) {
        problems.add(new MappingProblem(kind, entity, column.attribute(), problem, fix));
    }
}
