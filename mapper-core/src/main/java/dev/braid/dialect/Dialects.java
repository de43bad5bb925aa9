package dev.braid.dialect;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The dialects on the class path: the {@link ServiceLoader} providers of {@link Dialect} (H2 and
 * PostgreSQL in Braid itself), loaded once. Found by name rather than referenced, so this package does
 * not depend on the database packages that depend on it.
 */
final class Dialects {
    private Dialects() {}

    // Initialized on first use and never changed (the holder idiom).
    private static final class Loaded {
        static final List<Dialect> ALL = ServiceLoader.load(Dialect.class, Dialect.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
    }

    static Dialect named(String name) {
        for (Dialect d : Loaded.ALL) {
            if (d.name().equals(name)) return d;
        }
        throw dev.braid.core.internal.util.Require.bug("Built-in dialect " + name + " not registered in META-INF/services");
    }

    static Dialect forServer(String productName, String serverVersion) {
        String name = productName == null ? "" : productName;
        String version = serverVersion == null ? "" : serverVersion;
        for (Dialect d : Loaded.ALL) {
            if (d.servesServer(name, version)) return d;
        }
        return forProductName(productName);
    }

    static Dialect forProductName(String productName) {
        String name = productName == null ? "" : productName;
        for (Dialect d : Loaded.ALL) {
            if (d.serves(name)) return d;
        }
        throw new MapperException(ErrorCode.BRAID_ARGUMENT, "No Braid dialect for database '" + productName
                + "'. Supported: " + Loaded.ALL.stream().map(Dialect::name).collect(Collectors.joining(", "))
                + ". Fix: use one of those, or pass a Dialect to Mapper.builder().dialect(...)");
    }
}
