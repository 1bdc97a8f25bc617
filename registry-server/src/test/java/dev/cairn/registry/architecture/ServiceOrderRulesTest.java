package dev.cairn.registry.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.cairn.registry.alias.AliasRef;
import dev.cairn.registry.logging.ReachesUpToAlias;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The order among the service packages (issue 27, item 3). {@link PackageRulesTest} treats the
 * services as one layer between the routes and the foundation; this class orders them inside that
 * layer, so a {@code logging → alias} edge fails the build, and checks that no service package is
 * left out of the order.
 */
class ServiceOrderRulesTest {

  private static final String ROOT = MainClasses.ROOT;

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
          // Below events: the event trim takes the finished webhook deliveries with it
          // (OutboxTrim).
          "outbox",
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
          "oci",
          "mlflow",
          "runtime",
          "standard",
          "integrity",
          "webhook",
          "service");

  private static final JavaClasses classes = MainClasses.get();

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
}
