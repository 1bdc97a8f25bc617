package dev.cairn.operator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's layers, like the registry's and the sidecar's: the wiring ({@code CairnOperator},
 * {@code OperatorMain}, {@code OperatorSettings}) sees everything; {@code http} (health and metrics
 * endpoints) is seen by the wiring only; the {@code modelactivation} reconciler reads {@code
 * modelversion} (a version's readiness), never the other way; both stand on the adapters ({@code
 * crd} conditions, {@code kube} events and API checks, {@code metrics}, the {@code registry} event
 * relay and failures), which know nothing of each other or of anything above. No cycles, and no
 * Helidon anywhere in the operator.
 *
 * <p>The class import and the cycle rule repeat in the registry's, the sidecar's and the operator's
 * rule tests on purpose: sharing two lines would give the operator a test dependency on a module
 * (and ArchUnit in {@code common}) it has no other use for.
 */
class PackageRulesTest {

  private static final String ROOT = "dev.cairn.operator";
  private static final List<String> ADAPTERS = List.of("crd", "kube", "metrics", "registry");
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
        .layer("Activation")
        .definedBy(ROOT + ".modelactivation..")
        .layer("Versions")
        .definedBy(ROOT + ".modelversion..")
        .layer("Adapters")
        .definedBy(ADAPTERS.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new))
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Activation")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Versions")
        .mayOnlyBeAccessedByLayers("Wiring", "Activation")
        .whereLayer("Adapters")
        .mayOnlyBeAccessedByLayers("Wiring", "Activation", "Versions")
        .check(classes);
  }

  @Test
  void adaptersKnowNothingOfEachOther() {
    for (String adapter : ADAPTERS) {
      String[] others =
          ADAPTERS.stream()
              .filter(p -> !p.equals(adapter))
              .map(p -> ROOT + "." + p + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(ROOT + "." + adapter + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(classes);
    }
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  /** The operator ships without Helidon (the enforcer keeps it off the runtime class path). */
  @Test
  void helidonNeverEntersTheOperator() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.helidon..")
        .check(classes);
  }

  /**
   * The plain parts (conditions, the health server, metrics) take no Kubernetes client or operator
   * SDK type, so they are tested without a cluster.
   */
  @Test
  void thePlainPartsTakeNoKubernetesTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".crd..", ROOT + ".http..", ROOT + ".metrics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "io.javaoperatorsdk..")
        .check(classes);
  }
}
