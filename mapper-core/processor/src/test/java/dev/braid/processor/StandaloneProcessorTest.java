package dev.braid.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor on its own: Braid's types are stand-ins of the same names compiled with the entity (the
 * processor knows them only by name), and the generated metamodel and accessor compile and run against them.
 * mapper-core's tests run it against the real types.
 */
class StandaloneProcessorTest {

    @TempDir
    Path dir;

    private static final Map<String, String> BRAID = Map.of(
            "dev.braid.annotation.Entity", """
                    package dev.braid.annotation;
                    public @interface Entity {}
                    """,
            "dev.braid.annotation.Id", """
                    package dev.braid.annotation;
                    public @interface Id {}
                    """,
            "dev.braid.mapping.spi.ColumnFields", """
                    package dev.braid.mapping.spi;
                    public interface ColumnFields {
                        java.util.List<String> attributes();
                        java.util.List<Class<?>> types();
                        String idAttribute();
                        void write(Object entity, Object[] values);
                        void read(Object entity, Object[] into);
                        Object id(Object entity);
                    }
                    """,
            "dev.braid.query.Attribute", """
                    package dev.braid.query;
                    public class Attribute<E, V> {
                        public static <E> StringAttribute<E> string(Class<E> e, String name) { return null; }
                        public static <E, V extends Comparable<? super V>> ComparableAttribute<E, V> comparable(
                                Class<E> e, String name, Class<V> v) { return null; }
                    }
                    """,
            "dev.braid.query.ComparableAttribute", """
                    package dev.braid.query;
                    public class ComparableAttribute<E, V> extends Attribute<E, V> {}
                    """,
            "dev.braid.query.StringAttribute", """
                    package dev.braid.query;
                    public class StringAttribute<E> extends ComparableAttribute<E, String> {}
                    """);

    @Test
    void generatesAMetamodelAndAnAccessorThatReadsAndWritesPrivateAndPrimitiveFields() throws Exception {
        List<JavaFileObject> units = new ArrayList<>();
        BRAID.forEach((name, text) -> units.add(new StringSource(name, text)));
        units.add(new StringSource("shop.Lamp", """
                package shop;

                @dev.braid.annotation.Entity
                public class Lamp {
                    @dev.braid.annotation.Id Long id;
                    private String name;
                    private int watts;
                }
                """));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-Xlint:all,-processing,-options", "-Werror"), null, units);
            task.setProcessors(List.of(new MetamodelProcessor()));
            task.call();
        }
        assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() != Diagnostic.Kind.NOTE).isEmpty();
        assertThat(Files.readString(generated.resolve("shop/Lamp_.java")))
                .contains("dev.braid.query.StringAttribute<shop.Lamp> name =")
                .contains("dev.braid.query.ComparableAttribute<shop.Lamp, java.lang.Integer> watts =");

        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, null)) {
            Class<?> lamp = loader.loadClass("shop.Lamp");
            Class<?> accessor = loader.loadClass("shop.Lamp_Fields");
            var constructor = lamp.getDeclaredConstructor();
            Object entity = constructor.newInstance();
            Object fields = accessor.getConstructor().newInstance();
            Method write = accessor.getMethod("write", Object.class, Object[].class);
            Method read = accessor.getMethod("read", Object.class, Object[].class);
            write.invoke(fields, entity, new Object[]{3L, "desk", 40});
            Object[] into = new Object[3];
            read.invoke(fields, entity, (Object) into);
            assertThat(into).containsExactly(3L, "desk", 40);
            assertThat(accessor.getMethod("id", Object.class).invoke(fields, entity)).isEqualTo(3L);
            assertThat(accessor.getMethod("attributes").invoke(fields)).isEqualTo(List.of("id", "name", "watts"));
        }
    }

    private static final class StringSource extends SimpleJavaFileObject {
        private final String text;

        StringSource(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
