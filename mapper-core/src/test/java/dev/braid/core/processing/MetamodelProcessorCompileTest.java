package dev.braid.core.processing;

import dev.braid.processor.MetamodelProcessor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.braid.annotation.Entity;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
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

/** Runs the processor inside an in-process javac on source text. */
class MetamodelProcessorCompileTest {

    @TempDir
    Path dir;

    @Test
    void generatesTheMetamodelSource() throws IOException {
        Result result = compile(source("shop.Author", """
                package shop;

                import dev.braid.annotation.Entity;
                import dev.braid.annotation.Id;

                @Entity
                public class Author {
                    @Id long id;
                    String name;
                    byte[] photo;
                    java.util.List<Book> books;
                    static int created;
                    transient Object scratch;
                }
                """), source("shop.Book", """
                package shop;

                @dev.braid.annotation.Entity
                public record Book(@dev.braid.annotation.Id java.util.UUID id, String title) {}
                """));

        assertThat(result.errors()).isEmpty();
        assertThat(result.generated("shop.Author_")).isEqualTo("""
                package shop;

                import static dev.braid.query.Attribute.comparable;
                import static dev.braid.query.Attribute.of;
                import static dev.braid.query.Attribute.string;

                /** Static metamodel of {@link shop.Author}. */
                @javax.annotation.processing.Generated("dev.braid.processor.MetamodelProcessor")
                public final class Author_ {

                    public static final dev.braid.query.ComparableAttribute<shop.Author, java.lang.Long> id =
                            comparable(shop.Author.class, "id", java.lang.Long.class);

                    public static final dev.braid.query.StringAttribute<shop.Author> name =
                            string(shop.Author.class, "name");

                    public static final dev.braid.query.Attribute<shop.Author, byte[]> photo =
                            of(shop.Author.class, "photo", byte[].class);

                    private Author_() {
                    }
                }
                """);
        assertThat(result.generated("shop.Book_"))
                .contains("public final class Book_ {")
                .contains("dev.braid.query.ComparableAttribute<shop.Book, java.util.UUID> id =")
                .contains("dev.braid.query.StringAttribute<shop.Book> title =");
        assertThat(result.classes.resolve("shop/Author_.class")).exists();
    }

    @Test
    void generatedCodeCompilesCleanlyDespiteClashingNames() throws IOException {
        // An entity named like dev.braid.query.Order, with fields named like the package roots
        // and the factory methods the generated code uses.
        Result result = compile(source("shop.Order", """
                package shop;

                @dev.braid.annotation.Entity
                public class Order {
                    Long id;
                    String dev;
                    String java;
                    Integer Attribute;
                    byte[] of;
                    String string;
                    java.time.OffsetDateTime comparable;
                    Status status;
                    Money total;

                    public enum Status { OPEN, PAID }
                }
                """), source("shop.Money", """
                package shop;

                public final class Money extends Amount {}
                """), source("shop.Amount", """
                package shop;

                public abstract class Amount implements Comparable<Amount> {
                    public int compareTo(Amount other) { return 0; }
                }
                """), source("shop.Queries", """
                package shop;

                import dev.braid.query.Predicate;

                class Queries {
                    Predicate all() {
                        return Order_.dev.startsWith("x")
                                .and(Order_.java.eq("y"))
                                .and(Order_.Attribute.gt(1))
                                .and(Order_.of.isNull())
                                .and(Order_.comparable.isNotNull())
                                .and(Order_.status.in(Order.Status.OPEN))
                                .and(Order_.total.lt(new Money()));
                    }
                }
                """));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.generated("shop.Order_"))
                .contains("dev.braid.query.ComparableAttribute<shop.Order, shop.Order.Status> status =\n"
                        + "            comparable(shop.Order.class, \"status\", shop.Order.Status.class);")
                .contains("dev.braid.query.ComparableAttribute<shop.Order, shop.Money> total =");
    }

    @Test
    void entityOnAnInterfaceIsAnError() throws IOException {
        Result result = compile(source("shop.Shape", """
                package shop;

                @dev.braid.annotation.Entity
                public interface Shape {}
                """), source("shop.Color", """
                package shop;

                @dev.braid.annotation.Entity
                public enum Color { RED }
                """));

        assertThat(result.errors()).hasSize(2);
        assertThat(result.errors()).anySatisfy(message -> assertThat(message)
                .contains("shop.Shape").contains("interface").contains("@Entity applies to classes and records"));
        assertThat(result.errors()).anySatisfy(message -> assertThat(message)
                .contains("shop.Color").contains("enum").contains("@Entity applies to classes and records"));
        assertThat(result.errorDiagnostics()).allSatisfy(d -> assertThat(d.getSource()).isNotNull());
        assertThat(result.sources.resolve("shop/Shape_.java")).doesNotExist();
    }

    @Test
    void inheritedFieldsAreResolvedAgainstTheEntity() throws IOException {
        Result result = compile(source("lib.Base", """
                package lib;

                public abstract class Base<K> {
                    protected K id;
                    protected long version;
                    protected String note;
                    private java.time.Instant created;
                }
                """), source("shop.Book", """
                package shop;

                @dev.braid.annotation.Entity
                public class Book extends lib.Base<Long> {
                    String title;
                    @dev.braid.annotation.Transient
                    String note;
                }
                """));

        assertThat(result.diagnostics()).isEmpty();
        String source = result.generated("shop.Book_");
        assertThat(source).contains("ComparableAttribute<shop.Book, java.lang.Long> id =")
                .contains("ComparableAttribute<shop.Book, java.lang.Long> version =")
                .contains("ComparableAttribute<shop.Book, java.time.Instant> created =")
                .contains("StringAttribute<shop.Book> title =")
                .doesNotContain(" note ");
        assertThat(source.indexOf(" id =")).isLessThan(source.indexOf(" version ="));
        assertThat(source.indexOf(" created =")).isLessThan(source.indexOf(" title ="));
    }

    @Test
    void nestedAndDefaultPackageEntities() throws IOException {
        Result result = compile(source("Library", """
                public class Library {
                    @dev.braid.annotation.Entity
                    public static class Shelf {
                        int number;
                    }
                }
                """), source("Reader", """
                @dev.braid.annotation.Entity
                record Reader(String name) {}
                """));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.generated("Library_Shelf_"))
                .startsWith("import static dev.braid.query.Attribute.comparable;")
                .contains("public final class Library_Shelf_ {")
                .contains("ComparableAttribute<Library.Shelf, java.lang.Integer> number =\n"
                        + "            comparable(Library.Shelf.class, \"number\", java.lang.Integer.class);");
        assertThat(result.generated("Reader_")).contains("StringAttribute<Reader> name =");
    }

    @Test
    void inaccessibleTypesAreWarnedAboutNotGenerated() throws IOException {
        Result result = compile(source("shop.Store", """
                package shop;

                public class Store {
                    @dev.braid.annotation.Entity
                    private static class Hidden { int id; }

                    @dev.braid.annotation.Entity
                    public static class Visible {
                        int id;
                        Mood mood;
                    }

                    private enum Mood { HAPPY }
                }
                """));

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("shop.Store.Hidden").contains("private"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("mood").contains("shop.Store.Mood"));
        assertThat(result.sources.resolve("shop/Store_Hidden_.java")).doesNotExist();
        assertThat(result.generated("shop.Store_Visible_")).contains(" id =").doesNotContain("mood");
    }

    @Test
    void typesGeneratedByAnotherProcessorAreWaitedFor() throws IOException {
        Result result = compile(List.of(new MetamodelProcessor(), new MoneyGenerator()), source("shop.Invoice", """
                package shop;

                @dev.braid.annotation.Entity
                public class Invoice {
                    Long id;
                    Money total;
                    Money[] parts;
                }
                """));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.generated("shop.Invoice_"))
                .contains("ComparableAttribute<shop.Invoice, shop.Money> total =")
                .contains("Attribute<shop.Invoice, shop.Money[]> parts =\n"
                        + "            of(shop.Invoice.class, \"parts\", shop.Money[].class);");
    }

    @Test
    void unresolvableTypesDoNotCrashTheProcessor() throws IOException {
        Result result = compile(source("shop.Broken", """
                package shop;

                @dev.braid.annotation.Entity
                public class Broken extends Missing {
                    Nowhere field;
                }
                """));

        assertThat(result.errors()).isNotEmpty()
                .allSatisfy(e -> assertThat(e).doesNotContain("Braid could not generate"));
        assertThat(result.sources.resolve("shop/Broken_.java")).doesNotExist();
    }

    /** Generates {@code shop.Money} in the first round, like an unrelated processor would. */
    static final class MoneyGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() { return Set.of("*"); }

        @Override
        public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            if (!done) {
                done = true;
                try (Writer out = processingEnv.getFiler().createSourceFile("shop.Money").openWriter()) {
                    out.write("package shop;\npublic final class Money implements Comparable<Money> {\n"
                            + "    public int compareTo(Money o) { return 0; }\n}\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private record Source(String className, String text) {}

    private static Source source(String className, String text) {
        return new Source(className, text);
    }

    private Result compile(Source... sources) throws IOException {
        return compile(List.of(new MetamodelProcessor()), sources);
    }

    private Result compile(List<Processor> processors, Source... sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK compiler").isNotNull();
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
                    "-Xlint:all,-processing,-path,-options");
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(processors);
            boolean success = task.call();
            return new Result(success, diagnostics.getDiagnostics(), generated, classes);
        }
    }

    /** The test classpath plus, should it be a manifest-only booter jar, the classes holding {@code @Entity}. */
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

    private record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path sources, Path classes) {

        List<Diagnostic<? extends JavaFileObject>> errorDiagnostics() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        }

        List<String> errors() { return messages(Diagnostic.Kind.ERROR); }

        List<String> warnings() {
            return diagnostics.stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(d -> d.getMessage(Locale.ROOT)).toList();
        }

        private List<String> messages(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT)).toList();
        }

        String generated(String qualifiedName) throws IOException {
            Path file = sources.resolve(qualifiedName.replace('.', '/') + ".java");
            assertThat(file).as("generated " + qualifiedName + "; diagnostics: "
                    + diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"))).exists();
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
