package dev.braid.spring.autoconfigure;

import dev.braid.annotation.Entity;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the entity classes to map: the explicit {@code braid.entities} list, else every {@code @Entity} class
 * under the given base packages (the application's auto-configuration packages).
 */
final class EntityScanner {
    private static final Logger LOG = LoggerFactory.getLogger(EntityScanner.class);

    private final Environment environment;
    private final ResourceLoader resourceLoader;

    EntityScanner(Environment environment, ResourceLoader resourceLoader) {
        this.environment = environment;
        this.resourceLoader = resourceLoader;
    }

    /** The classes named in {@code names}, loaded with the application's class loader. */
    List<Class<?>> named(List<String> names) {
        List<Class<?>> types = new ArrayList<>(names.size());
        for (String name : names) {
            String trimmed = name.trim();
            try {
                types.add(ClassUtils.forName(trimmed, resourceLoader.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MapperException(ErrorCode.BRAID_ARGUMENT,
                        "braid.entities names class " + trimmed + ", which cannot be loaded", e);
            }
        }
        return types;
    }

    /** Every {@code @Entity} class under {@code packages}, in a stable order (sorted by name). */
    List<Class<?>> scan(List<String> packages) {
        ClassPathScanningCandidateComponentProvider provider = new ClassPathScanningCandidateComponentProvider(false, environment);
        provider.setResourceLoader(resourceLoader);
        provider.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        Set<String> names = new java.util.TreeSet<>();
        for (String pkg : new LinkedHashSet<>(packages)) {
            for (BeanDefinition candidate : provider.findCandidateComponents(pkg)) {
                names.add(candidate.getBeanClassName());
            }
        }
        if (names.isEmpty()) {
            LOG.warn("Braid found no @Entity class under {}; set braid.entities or define a MappingRegistry bean", packages);
        }
        return named(new ArrayList<>(names));
    }
}
