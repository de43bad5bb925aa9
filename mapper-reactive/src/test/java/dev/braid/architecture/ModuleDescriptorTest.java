package dev.braid.architecture;

import dev.braid.dialect.Dialect;
import dev.braid.reactive.Mapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the two modules export: only the API packages to everyone, the internals only to Braid's own
 * reactive module. (The tests run on the class path; this reads the compiled descriptors themselves.)
 */
class ModuleDescriptorTest {

    @Test
    void coreExportsTheApiAndOnlyQualifiesItsInternals() throws IOException {
        ModuleDescriptor core = descriptor(Dialect.class);
        assertThat(core.name()).isEqualTo("dev.braid.core");
        assertThat(unqualified(core)).containsExactly("dev.braid.annotation", "dev.braid.dialect", "dev.braid.error",
                "dev.braid.mapping", "dev.braid.mapping.spi", "dev.braid.query", "dev.braid.relation", "dev.braid.statement");
        Set<String> internal = core.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .peek(e -> assertThat(e.targets()).containsExactly("dev.braid.reactive"))
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        assertThat(internal).isNotEmpty().allMatch(p -> p.startsWith("dev.braid.core.internal."));
        // Every internal package is hidden: exported to Braid's reactive module or not at all.
        assertThat(core.packages()).filteredOn(p -> p.contains(".internal.")).allMatch(p -> !unqualified(core).contains(p));
        assertThat(core.uses()).contains(Dialect.class.getName());
        assertThat(core.provides()).anySatisfy(p -> assertThat(p.providers())
                .contains("dev.braid.core.internal.dialect.h2.H2Dialect", "dev.braid.core.internal.dialect.postgresql.PostgresDialect"));
    }

    @Test
    void reactiveExportsOnlyItsApi() throws IOException {
        ModuleDescriptor reactive = descriptor(Mapper.class);
        assertThat(reactive.name()).isEqualTo("dev.braid.reactive");
        assertThat(unqualified(reactive)).containsExactly("dev.braid.reactive");
        assertThat(reactive.exports()).noneMatch(ModuleDescriptor.Exports::isQualified);
        assertThat(reactive.requires()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("dev.braid.core");
            assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
        });
    }

    private static Set<String> unqualified(ModuleDescriptor descriptor) {
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // The module-info.class of the class's own code source (target/classes or the module's jar).
    private static ModuleDescriptor descriptor(Class<?> member) throws IOException {
        Path location;
        try {
            location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                return ModuleDescriptor.read(in);
            }
        }
        try (JarFile jar = new JarFile(location.toFile()); InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }
}
