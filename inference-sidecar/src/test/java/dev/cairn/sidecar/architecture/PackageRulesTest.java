package dev.cairn.sidecar.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cairn.runtime.LoadedModel;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sidecar's layers: the wiring ({@code Sidecar}, {@code SidecarMain}) sees everything; {@code
 * http} is seen by the wiring only; {@code fleet} (the served models) is seen by the wiring and
 * {@code http}; {@code follow} and {@code report} drive {@code serving}, which uses {@code cache};
 * {@code cache} knows nothing above it. No cycles; web-server types only in {@code http} and the
 * wiring.
 *
 * <p>The class import and the cycle rule repeat in the registry's, the sidecar's and the operator's
 * rule tests on purpose: sharing two lines would give the operator a test dependency on a module
 * (and ArchUnit in {@code common}) it has no other use for.
 */
class PackageRulesTest {

  private static final String ROOT = "dev.cairn.sidecar";
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
        .layer("Fleet")
        .definedBy(ROOT + ".fleet..")
        .layer("Drivers")
        .definedBy(ROOT + ".follow..", ROOT + ".report..")
        .layer("Serving")
        .definedBy(ROOT + ".serving..")
        .layer("Cache")
        .definedBy(ROOT + ".cache..")
        .layer("Foundation")
        .definedBy(ROOT + ".config..", ROOT + ".metrics..")
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Fleet")
        .mayOnlyBeAccessedByLayers("Wiring", "Http")
        .whereLayer("Drivers")
        .mayOnlyBeAccessedByLayers("Wiring", "Fleet")
        .whereLayer("Serving")
        .mayOnlyBeAccessedByLayers("Wiring", "Http", "Drivers", "Fleet")
        .whereLayer("Cache")
        .mayOnlyBeAccessedByLayers("Wiring", "Serving", "Fleet")
        .check(classes);
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * Routes ask the runtime SPI for a capability ({@code TensorModel}, {@code InspectableModel}),
   * never for a runtime's own model class: a new runtime serves without the sidecar changing.
   */
  @Test
  void noClassNamesARuntimesModelClass() {
    noClasses()
        .should()
        .dependOnClassesThat(assignableTo(LoadedModel.class).and(not(INTERFACES)))
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

  /**
   * The retry loops (following the registry, preparing a target) wait as the shared {@code Backoff}
   * says (issue 27 item 4): a loop drawing its own jitter is a second copy of it.
   */
  @Test
  void retryLoopsUseTheSharedBackoff() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".follow..", ROOT + ".serving..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(ThreadLocalRandom.class, Random.class)
        .check(classes);
  }
}
