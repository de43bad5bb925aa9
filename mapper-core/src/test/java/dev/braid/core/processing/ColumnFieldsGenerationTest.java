package dev.braid.core.processing;

import dev.braid.processor.MetamodelProcessor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.braid.mapping.spi.ColumnFields;
import dev.braid.annotation.Entity;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
 * Compiles entity sources with the processor in an in-process javac, loads what it generated and drives
 * the generated {@code Xxx_Fields}: private, inherited (same and other package), primitive and volatile
 * fields are written and read in column order.
 */
class ColumnFieldsGenerationTest {

    @TempDir
    Path dir;

    private static final String BASE = """
            package lib;

            public abstract class Base {
                @dev.braid.annotation.Id
                protected Long id;
                private long version;
            }
            """;
    private static final String MIDDLE = """
            package shop;

            public abstract class Middle extends lib.Base {
                int rank;
                private String secret;
            }
            """;
    private static final String ITEM = """
            package shop;

            @dev.braid.annotation.Entity
            public class Item extends Middle {
                String name;
                private int count;
                private boolean active;
                volatile double weight;
                char grade;
                byte[] data;
                Kind kind;
                transient String cache;
                static int made;
                final dev.braid.relation.RelatedList<Item> parts = null;

                public enum Kind { BIG, SMALL }

                Item() {}
            }
            """;

    @Test
    void theGeneratedAccessorWritesAndReadsEveryColumnFieldInColumnOrder() throws Exception {
        Compiled compiled = compile(source("lib.Base", BASE), source("shop.Middle", MIDDLE), source("shop.Item", ITEM));
        assertThat(compiled.errors()).isEmpty();
        try (URLClassLoader loader = compiled.loader()) {
            Class<?> item = loader.loadClass("shop.Item");
            Class<?> kind = loader.loadClass("shop.Item$Kind");
            ColumnFields fields = (ColumnFields) loader.loadClass("shop.Item_Fields").getConstructor().newInstance();
            assertThat(fields.attributes()).containsExactly("id", "version", "rank", "secret", "name", "count",
                    "active", "weight", "grade", "data", "kind");
            assertThat(fields.types()).containsExactly(Long.class, long.class, int.class, String.class, String.class,
                    int.class, boolean.class, double.class, char.class, byte[].class, kind);
            assertThat(fields.idAttribute()).isEqualTo("id");

            Constructor<?> constructor = item.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object entity = constructor.newInstance();
            Object big = kind.getEnumConstants()[0];
            byte[] data = {1, 2};
            Object[] values = {7L, 3L, 2, "psst", "lamp", 5, true, 1.5, 'A', data, big};
            fields.write(entity, values);

            assertThat(field(lib(item), "id").get(entity)).isEqualTo(7L);
            assertThat(field(lib(item), "version").get(entity)).isEqualTo(3L);
            assertThat(field(item.getSuperclass(), "rank").get(entity)).isEqualTo(2);
            assertThat(field(item.getSuperclass(), "secret").get(entity)).isEqualTo("psst");
            assertThat(field(item, "name").get(entity)).isEqualTo("lamp");
            assertThat(field(item, "count").get(entity)).isEqualTo(5);
            assertThat(field(item, "active").get(entity)).isEqualTo(true);
            assertThat(field(item, "weight").get(entity)).isEqualTo(1.5);
            assertThat(field(item, "grade").get(entity)).isEqualTo('A');
            assertThat(field(item, "data").get(entity)).isSameAs(data);
            assertThat(field(item, "kind").get(entity)).isSameAs(big);

            field(item, "count").set(entity, 6);
            field(lib(item), "version").set(entity, 4L);
            Object[] read = new Object[values.length];
            fields.read(entity, read);
            assertThat(read).containsExactly(7L, 4L, 2, "psst", "lamp", 6, true, 1.5, 'A', data, big);
            assertThat(fields.id(entity)).isEqualTo(7L);
        }
    }

    @Test
    void fieldsTheEntitysPackageCanReachAreAccessedDirectlyTheOthersThroughVarHandles() throws IOException {
        Compiled compiled = compile(source("lib.Base", BASE), source("shop.Middle", MIDDLE), source("shop.Item", ITEM));
        String source = compiled.generated("shop.Item_Fields");
        assertThat(source).contains("public final class Item_Fields implements dev.braid.mapping.spi.ColumnFields {")
                .contains("e$.rank = (java.lang.Integer) values$[2];")
                .contains("e$.name = (java.lang.String) values$[4];")
                .contains("into$[7] = e$.weight;")
                // protected in another package, private: handles on their declaring classes
                .contains("H0 = handle$(lookup$, lib.Base.class, \"id\", java.lang.Long.class);")
                .contains("H1 = handle$(lookup$, lib.Base.class, \"version\", long.class);")
                .contains("H3 = handle$(lookup$, shop.Middle.class, \"secret\", java.lang.String.class);")
                .contains("H5.set(e$, (int) (java.lang.Integer) values$[5]);")
                .contains("into$[5] = (int) H5.get(e$);")
                .doesNotContain("cache").doesNotContain("made").doesNotContain("parts");
        assertThat(compiled.generated("shop.Item_")).contains(" parts =").doesNotContain("cache"); // a relation: metamodel only
    }

    @Test
    void noAccessorForRecordsFinalFieldsOrTypesThePackageCannotName() throws IOException {
        Compiled compiled = compile(source("shop.View", """
                package shop;

                @dev.braid.annotation.Entity
                public record View(Long id, String name) {}
                """), source("shop.Frozen", """
                package shop;

                @dev.braid.annotation.Entity
                public class Frozen {
                    Long id;
                    final String name = "x";
                }
                """), source("shop.Tagged", """
                package shop;

                @dev.braid.annotation.Entity
                public class Tagged {
                    Long id;
                    java.util.List<String> tags;
                }
                """), source("shop.Keyless", """
                package shop;

                @dev.braid.annotation.Entity
                public class Keyless {
                    @dev.braid.annotation.Id Long a;
                    @dev.braid.annotation.Id Long b;
                }
                """));
        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.sources.resolve("shop/View_Fields.java")).doesNotExist();
        assertThat(compiled.sources.resolve("shop/Frozen_Fields.java")).doesNotExist();
        assertThat(compiled.sources.resolve("shop/Tagged_Fields.java")).doesNotExist();
        assertThat(compiled.generated("shop.View_")).contains(" name =");
        // A composite key: id() answers null, as the run time expects.
        assertThat(compiled.generated("shop.Keyless_Fields")).contains("return null;\n    }\n\n    @java.lang.Override\n"
                + "    public void write");
    }

    private static Class<?> lib(Class<?> item) {
        return item.getSuperclass().getSuperclass();
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    // ---------------------------------------------------------------------------------------------

    private record Source(String className, String text) {}

    private static Source source(String className, String text) {
        return new Source(className, text);
    }

    private Compiled compile(Source... sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path generated = Files.createDirectories(dir.resolve("generated"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            List<JavaFileObject> units = new ArrayList<>();
            for (Source s : sources) {
                units.add(new StringSource(s.className(), s.text()));
            }
            List<String> options = List.of("-classpath", classpath(), "--release", "17",
                    "-Xlint:all,-processing,-path,-options", "-Werror");
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(List.of(new MetamodelProcessor()));
            task.call();
            return new Compiled(diagnostics.getDiagnostics(), generated, classes);
        }
    }

    private static String classpath() {
        String classpath = System.getProperty("java.class.path");
        try {
            String own = Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return own + File.pathSeparator + classpath;
        } catch (Exception e) {
            return classpath;
        }
    }

    private static final class StringSource extends SimpleJavaFileObject {
        private final String text;

        StringSource(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) { return text; }
    }

    private record Compiled(List<Diagnostic<? extends JavaFileObject>> diagnostics, Path sources, Path classes) {
        /** Errors and warnings: -Werror makes a warning in generated code fail the compilation. */
        List<String> errors() {
            return diagnostics.stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                    .map(d -> d.getMessage(Locale.ROOT)).toList();
        }

        /** The compiled classes, with Braid's own (ColumnFields) from the test's loader. */
        URLClassLoader loader() throws IOException {
            return new URLClassLoader(new URL[]{classes.toUri().toURL()}, ColumnFieldsGenerationTest.class.getClassLoader());
        }

        String generated(String qualifiedName) throws IOException {
            Path file = sources.resolve(qualifiedName.replace('.', '/') + ".java");
            assertThat(file).as("generated " + qualifiedName + "; diagnostics: "
                    + diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"))).exists();
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
