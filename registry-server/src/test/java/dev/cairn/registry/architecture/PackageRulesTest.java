package dev.cairn.registry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.cairn.registry.alias.AliasRef;
import dev.cairn.registry.logging.ReachesUpToAlias;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry's layers (CONTRIBUTING.md, Layers). The wiring ({@code dev.cairn.registry}) sees
 * everything. {@code http} is four rooms seen by the wiring only: {@code http.transport} (the
 * hardened Helidon server, knowing nothing of the API) and {@code http.routes} (the route groups)
 * sit on {@code http.request} (request plumbing), which sits on {@code http} itself (filters,
 * problem+json, request identity and auth context). The services never import {@code http}, and
 * among themselves depend only downwards along {@link #SERVICE_ORDER}; the foundation ({@code
 * domain}, {@code db}, {@code config}) imports no service. Web-server types stay in {@code http}
 * and the wiring, and the package graph has no cycle.
 */
class PackageRulesTest {

  private static final String ROOT = "dev.cairn.registry";

  /**
   * The service packages from the bottom up: each may use only those before it. Found with jdeps
   * over the compiled classes (issue 27, item 3); packages with no edge between them are ordered
   * anyway, so a new edge is a decision made here rather than one that slips in.
   */
  static final List<String> SERVICE_ORDER =
      List.of(
          "logging",
          "metrics",
          "paging",
          "pointer",
          "blob",
          "events",
          "audit",
          "journal",
          "auth",
          "project",
          "model",
          "version",
          "signature",
          "artifact",
          "instance",
          "alias",
          "resolve",
          "runtime",
          "standard",
          "integrity",
          "service");

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
    String[] services =
        SERVICE_ORDER.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
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

  @Test
  void servicesDependDownTheirOrderOnly() {
    serviceOrder().check(classes);
  }

  /** The rule bites: a {@code logging} class that reaches up to {@code alias} breaks it. */
  @Test
  void theServiceOrderRefusesLoggingReachingUpToAlias() {
    JavaClasses withViolation =
        new ClassFileImporter().importClasses(ReachesUpToAlias.class, AliasRef.class);
    EvaluationResult result = serviceOrder().evaluate(withViolation);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("ReachesUpToAlias").contains("AliasRef"));
  }

  /** Every service package is in the order, so none escapes the rule by being left out. */
  @Test
  void theServiceOrderNamesEveryServicePackage() {
    Set<String> foundation = Set.of("domain", "db", "config", "http");
    Set<String> present =
        classes.stream()
            .map(JavaClass::getPackageName)
            .filter(p -> p.startsWith(ROOT + "."))
            .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
            .filter(p -> !foundation.contains(p))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(present).containsExactlyInAnyOrderElementsOf(SERVICE_ORDER);
  }

  private static ArchRule serviceOrder() {
    LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String name : SERVICE_ORDER) {
      rule = rule.layer(name).definedBy(ROOT + "." + name + "..");
    }
    for (int i = 0; i < SERVICE_ORDER.size() - 1; i++) {
      rule =
          rule.whereLayer(SERVICE_ORDER.get(i))
              .mayOnlyBeAccessedByLayers(
                  SERVICE_ORDER.subList(i + 1, SERVICE_ORDER.size()).toArray(String[]::new));
    }
    return rule.whereLayer(SERVICE_ORDER.getLast()).mayNotBeAccessedByAnyLayer();
  }

  /**
   * The rooms of {@code http} depend one way; the slices rule below sees {@code http} as one
   * package, so this one looks inside it.
   */
  @Test
  void httpRoomsFormNoCycle() {
    slices().matching(ROOT + ".http.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * Issue 27, item 3: a component takes at most seven collaborators, so a constructor that wants
   * more says a seam is missing. Records are values (settings, rows, wire types) and are exempt.
   */
  @Test
  void noComponentTakesMoreThanSevenCollaborators() {
    constructors()
        .that()
        .areDeclaredInClassesThat(
            DescribedPredicate.describe(
                "are components (neither records nor enums)", c -> !c.isEnum() && !c.isRecord()))
        .should(
            new ArchCondition<JavaConstructor>("take at most 7 parameters") {
              @Override
              public void check(JavaConstructor constructor, ConditionEvents events) {
                int count = constructor.getRawParameterTypes().size();
                if (count > 7) {
                  events.add(
                      SimpleConditionEvent.violated(
                          constructor, constructor.getFullName() + " takes " + count));
                }
              }
            })
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
