package dev.braid.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allowed dependencies between Braid's packages (the README's package map). The API packages at
 * the bottom know nothing of how Braid works inside; the internals depend downwards; the reactive layer
 * sits on top; no two packages depend on each other, directly or through others.
 *
 * <pre>
 *   error, annotation, statement              (leaves: nothing but the JDK and error)
 *   dialect, query, relation, mapping.spi     (API; may use core.internal.util's checks)
 *   core.internal.*                           (meta -> sql -> plan.*; dialect implementations)
 *   mapping                                   (the registry: wraps core.internal.meta)
 *   reactive, reactive.internal.*             (executes plans)
 * </pre>
 */
class PackageDependencyTest {
    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.braid");

    private static final String[] JDK = {"java..", "javax..", "org.jspecify.."};

    @Test
    void theLibraryIsImported() {
        assertThat(LIBRARY.contain(dev.braid.reactive.Mapper.class)).isTrue();
        assertThat(LIBRARY.contain(dev.braid.core.internal.plan.flush.UnitOfWork.class)).isTrue();
        assertThat(LIBRARY.contain(dev.braid.dialect.Dialect.class)).isTrue();
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.braid.(**)").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void theLeavesDependOnNothingOfBraidButErrors() {
        only("dev.braid.error..", "dev.braid.error..");
        only("dev.braid.annotation..", "dev.braid.annotation..");
        only("dev.braid.statement..", "dev.braid.statement..", "dev.braid.error..");
    }

    @Test
    void theApiKnowsNothingOfTheInternalsBeyondArgumentChecks() {
        only("dev.braid.dialect", "dev.braid.dialect", "dev.braid.error..", "dev.braid.core.internal.util..");
        only("dev.braid.query..", "dev.braid.query..", "dev.braid.annotation..", "dev.braid.error..",
                "dev.braid.core.internal.util..");
        only("dev.braid.relation..", "dev.braid.relation..", "dev.braid.annotation..", "dev.braid.error..",
                "dev.braid.core.internal.util..");
        only("dev.braid.mapping.spi..", "dev.braid.mapping.spi..");
    }

    @Test
    void dialectsAreAddedClassesThatOnlyKnowTheDialectSpi() {
        // Adding a database means adding a package like these, not editing planners.
        only("dev.braid.core.internal.dialect..", "dev.braid.core.internal.dialect..", "dev.braid.dialect..",
                "dev.braid.error..", "dev.braid.core.internal.util..");
        noClasses().that().resideOutsideOfPackage("dev.braid.core.internal.dialect..")
                .should().dependOnClassesThat().resideInAPackage("dev.braid.core.internal.dialect..")
                .because("built-in dialects are found through ServiceLoader, never named by planners")
                .check(LIBRARY);
    }

    @Test
    void theSqlModelAndTheMappingModelPointDownwards() {
        // No backward arrows: the SQL model knows neither mappings nor queries; the mapping model
        // knows no planner, hydrator, identity map or SQL.
        only("dev.braid.core.internal.sql..", "dev.braid.core.internal.sql..", "dev.braid.dialect..",
                "dev.braid.statement..", "dev.braid.error..", "dev.braid.core.internal.util..");
        noClasses().that().resideInAPackage("dev.braid.core.internal.meta..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.braid.core.internal.plan..",
                        "dev.braid.core.internal.hydrate..", "dev.braid.core.internal.identity..",
                        "dev.braid.core.internal.sql..", "dev.braid.mapping", "dev.braid.query..")
                .check(LIBRARY);
    }

    @Test
    void theCoreIsPureAndNeverReachesUp() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.braid.annotation..", "dev.braid.dialect..",
                        "dev.braid.error..", "dev.braid.mapping..", "dev.braid.query..", "dev.braid.relation..",
                        "dev.braid.statement..", "dev.braid.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.braid.reactive..", "reactor..", "io.r2dbc..",
                        "org.reactivestreams..", "io.netty..", "java.sql..")
                .because("mapper-core turns mappings and queries into plans; only mapper-reactive does I/O");
        rule.check(LIBRARY);
    }

    @Test
    void onlyTheReactiveLayerUsesItsInternals() {
        noClasses().that().resideOutsideOfPackage("dev.braid.reactive..")
                .should().dependOnClassesThat().resideInAPackage("dev.braid.reactive.internal..")
                .check(LIBRARY);
    }

    /** Classes in {@code packageIdentifier} depend only on the JDK and {@code allowed} Braid packages. */
    private static void only(String packageIdentifier, String... allowed) {
        String[] all = new String[allowed.length + JDK.length];
        System.arraycopy(allowed, 0, all, 0, allowed.length);
        System.arraycopy(JDK, 0, all, allowed.length, JDK.length);
        classes().that().resideInAPackage(packageIdentifier)
                .should().onlyDependOnClassesThat().resideInAnyPackage(all)
                .check(LIBRARY);
    }
}
