package dev.braid.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.braid.relation.RelatedList;
import org.junit.jupiter.api.Test;

import java.util.Objects;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise that every exception Braid throws is a {@code MapperException} with a code:
 * no library class creates the JDK's argument and state exceptions or calls {@code Objects.requireNonNull}
 * (which throws a bare {@code NullPointerException}; its one-argument form is left out because javac itself
 * calls it for every bound method reference such as {@code plan::abort}). The one exception is the iterator of
 * {@link RelatedList}, whose {@code remove()} must throw what {@link java.util.Iterator}'s contract says.
 */
class ExceptionHierarchyTest {
    // mapper-core arrives as target/classes or, in a full build, as its jar: both are imported.
    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.braid");

    @Test
    void theLibraryIsImported() {
        // A rule over an empty import would pass vacuously.
        assertThat(LIBRARY.contain(dev.braid.reactive.Mapper.class)).isTrue();
        assertThat(LIBRARY.contain(dev.braid.core.internal.plan.flush.UnitOfWork.class)).isTrue();
    }

    @Test
    void libraryCodeThrowsOnlyMapperExceptions() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("dev.braid..")
                .and().doNotHaveFullyQualifiedName(RelatedList.class.getName() + "$Members")
                .should().callConstructorWhere(DescribedPredicate.describe("a JDK argument/state exception", call -> {
                    String created = call.getTargetOwner().getName();
                    return created.equals(IllegalArgumentException.class.getName())
                            || created.equals(IllegalStateException.class.getName())
                            || created.equals(NullPointerException.class.getName())
                            || created.equals(UnsupportedOperationException.class.getName())
                            || created.equals(ClassCastException.class.getName());
                }))
                .orShould().callMethod(Objects.class, "requireNonNull", Object.class, String.class)
                .because("every exception Braid throws is a MapperException with a stable code (use dev.braid.core.internal.util.Require)");
        rule.check(LIBRARY);
    }
}
