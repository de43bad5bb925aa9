package dev.braid.processor;

import static org.assertj.core.api.Assertions.assertThat;

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
 * An {@code @Embedded} field gets a nested holder in the metamodel ({@code Order_.shipTo}, an
 * {@code EmbeddedAttribute}) whose fields reference the value's components as attributes named
 * {@code shipTo.city}; the entity gets no column accessor (Braid reads its components through the value).
 * Braid's types are stand-ins of the same names, as in {@link StandaloneProcessorTest}.
 */
class EmbeddedProcessorTest {

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
            "dev.braid.annotation.Embedded", """
                    package dev.braid.annotation;
                    public @interface Embedded { String prefix() default "{field}_"; }
                    """,
            "dev.braid.query.Attribute", """
                    package dev.braid.query;
                    public class Attribute<E, V> {
                        public final String name;
                        Attribute(String name) { this.name = name; }
                        public static <E> StringAttribute<E> string(Class<E> e, String name) {
                            return new StringAttribute<>(name);
                        }
                        public static <E, V extends Comparable<? super V>> ComparableAttribute<E, V> comparable(
                                Class<E> e, String name, Class<V> v) { return new ComparableAttribute<>(name); }
                    }
                    """,
            "dev.braid.query.ComparableAttribute", """
                    package dev.braid.query;
                    public class ComparableAttribute<E, V> extends Attribute<E, V> {
                        ComparableAttribute(String name) { super(name); }
                    }
                    """,
            "dev.braid.query.StringAttribute", """
                    package dev.braid.query;
                    public class StringAttribute<E> extends ComparableAttribute<E, String> {
                        StringAttribute(String name) { super(name); }
                    }
                    """,
            "dev.braid.query.EmbeddedAttribute", """
                    package dev.braid.query;
                    public class EmbeddedAttribute<E, V> {
                        public final java.util.List<String> components;
                        protected EmbeddedAttribute(Class<E> e, String name, Class<V> v, java.util.List<String> components) {
                            this.components = components;
                        }
                    }
                    """);

    @Test
    void anEmbeddedFieldGetsANestedHolderOfItsComponents() throws Exception {
        List<JavaFileObject> units = new ArrayList<>();
        BRAID.forEach((name, text) -> units.add(new StringSource(name, text)));
        units.add(new StringSource("shop.Address", """
                package shop;

                public record Address(String street, String city, int floor) {}
                """));
        units.add(new StringSource("shop.Order", """
                package shop;

                @dev.braid.annotation.Entity
                public class Order {
                    @dev.braid.annotation.Id Long id;
                    @dev.braid.annotation.Embedded(prefix = "ship_") Address shipTo;
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
        assertThat(Files.readString(generated.resolve("shop/Order_.java"))).contains("""
                    /** The embedded value {@code shipTo} and its components. */
                    public static final ShipTo_ shipTo = new ShipTo_();

                    /** References to the embedded value {@code shipTo} of {@link shop.Order}. */
                    public static final class ShipTo_ extends dev.braid.query.EmbeddedAttribute<shop.Order, shop.Address> {

                        public final dev.braid.query.StringAttribute<shop.Order> street =
                            dev.braid.query.Attribute.string(shop.Order.class, "shipTo.street");

                        public final dev.braid.query.StringAttribute<shop.Order> city =
                            dev.braid.query.Attribute.string(shop.Order.class, "shipTo.city");

                        public final dev.braid.query.ComparableAttribute<shop.Order, java.lang.Integer> floor =
                            dev.braid.query.Attribute.comparable(shop.Order.class, "shipTo.floor", java.lang.Integer.class);

                        private ShipTo_() {
                            super(shop.Order.class, "shipTo", shop.Address.class, java.util.List.of("street", "city", "floor"));
                        }
                    }
                """);
        assertThat(generated.resolve("shop/Order_Fields.java")).doesNotExist();

        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, null)) {
            Class<?> metamodel = loader.loadClass("shop.Order_");
            Object shipTo = metamodel.getField("shipTo").get(null);
            Object city = shipTo.getClass().getField("city").get(shipTo);
            assertThat(city.getClass().getField("name").get(city)).isEqualTo("shipTo.city");
            assertThat(shipTo.getClass().getField("components").get(shipTo)).isEqualTo(List.of("street", "city", "floor"));
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
