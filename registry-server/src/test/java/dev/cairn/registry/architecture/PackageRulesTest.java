package dev.cairn.registry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry's layers (CONTRIBUTING.md, Layers): the wiring ({@code dev.cairn.registry}) sees
 * everything; {@code http} (routes, filters, problem+json) is seen by the wiring only; the services
 * (one package per resource or concern) never import {@code http}; the foundation ({@code domain},
 * {@code db}, {@code config}) imports no service. Web-server types stay in {@code http} and the
 * wiring, and the package graph has no cycle.
 */
class PackageRulesTest {

  private static final String ROOT = "dev.cairn.registry";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void layersDependDownwardsOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Wiring")
        .definedBy(ROOT)
        .layer("Http")
        .definedBy(ROOT + ".http..")
        .layer("Services")
        .definedBy(
            ROOT + ".alias..",
            ROOT + ".artifact..",
            ROOT + ".audit..",
            ROOT + ".auth..",
            ROOT + ".blob..",
            ROOT + ".events..",
            ROOT + ".instance..",
            ROOT + ".integrity..",
            ROOT + ".journal..",
            ROOT + ".logging..",
            ROOT + ".metrics..",
            ROOT + ".model..",
            ROOT + ".paging..",
            ROOT + ".pointer..",
            ROOT + ".project..",
            ROOT + ".resolve..",
            ROOT + ".runtime..",
            ROOT + ".service..",
            ROOT + ".standard..",
            ROOT + ".version..")
        .layer("Foundation")
        .definedBy(ROOT + ".domain..", ROOT + ".db..", ROOT + ".config..")
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Services")
        .mayOnlyBeAccessedByLayers("Wiring", "Http", "Services")
        .whereLayer("Foundation")
        .mayOnlyBeAccessedByLayers("Wiring", "Http", "Services")
        .check(classes);
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * Issue 27, item 1: the journal writes audit rows and events for every write site; the audit log
   * (hash chain, reads, verification) and the event feed (listening, streaming) know nothing of
   * each other, and the journal's writers are its internals.
   */
  @Test
  void auditAndEventsAreWrittenOnlyThroughTheJournal() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".events..", ROOT + ".journal..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".events..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".audit..", ROOT + ".journal..")
        .check(classes);
    classes()
        .that()
        .resideInAPackage(ROOT + ".journal..")
        .and()
        .haveNameNotMatching("dev\\.cairn\\.registry\\.journal\\.Journal.*")
        .should()
        .notBePublic()
        .check(classes);
  }

  @Test
  void webServerTypesStayInHttpAndTheWiring() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT, ROOT + ".http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.helidon.webserver..", "io.helidon.http..")
        .check(classes);
  }

  @Test
  void theVocabularyIsFreeOfHelidon() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.helidon..")
        .check(classes);
  }
}
