package dev.cairn.registry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The registry's layers (CONTRIBUTING.md, Layers). The wiring ({@code dev.cairn.registry}) sees
 * everything. {@code http} is four rooms seen by the wiring only: {@code http.transport} (the
 * hardened Helidon server, knowing nothing of the API) and {@code http.routes} (the route groups)
 * sit on {@code http.request} (request plumbing), which sits on {@code http} itself (filters,
 * problem+json, request identity and auth context). The services never import {@code http}, and
 * among themselves depend only downwards along {@link ServiceOrderRulesTest#SERVICE_ORDER} (checked
 * there); the foundation ({@code domain}, {@code db}, {@code config}) imports no service.
 * Web-server types stay in {@code http} and the wiring, and the package graph has no cycle.
 */
class PackageRulesTest {

  private static final String ROOT = MainClasses.ROOT;

  private static final JavaClasses classes = MainClasses.get();

  @Test
  void layersDependDownwardsOnly() {
    String[] services =
        ServiceOrderRulesTest.SERVICE_ORDER.stream()
            .map(p -> ROOT + "." + p + "..")
            .toArray(String[]::new);
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Wiring")
        .definedBy(ROOT)
        .layer("Transport")
        .definedBy(ROOT + ".http.transport..")
        .layer("Routes")
        .definedBy(ROOT + ".http.routes..")
        .layer("Request")
        .definedBy(ROOT + ".http.request..")
        .layer("Http")
        .definedBy(ROOT + ".http")
        .layer("Services")
        .definedBy(services)
        .layer("Foundation")
        .definedBy(ROOT + ".domain..", ROOT + ".db..", ROOT + ".config..")
        .whereLayer("Transport")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Routes")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Request")
        .mayOnlyBeAccessedByLayers("Wiring", "Routes")
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("Wiring", "Transport", "Routes", "Request")
        .whereLayer("Services")
        .mayOnlyBeAccessedByLayers("Wiring", "Routes", "Request", "Http", "Services")
        .whereLayer("Foundation")
        .mayOnlyBeAccessedByLayers("Wiring", "Transport", "Routes", "Request", "Http", "Services")
        .check(classes);
  }

  /**
   * The rooms of {@code http} depend one way; the slices rule below sees {@code http} as one
   * package, so this one looks inside it.
   */
  @Test
  void httpRoomsFormNoCycle() {
    slices().matching(ROOT + ".http.(*)..").should().beFreeOfCycles().check(classes);
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
