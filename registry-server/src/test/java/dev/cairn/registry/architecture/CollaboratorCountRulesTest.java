package dev.cairn.registry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 3: a component takes at most seven collaborators, so a constructor that wants more
 * says a seam is missing. This is a rule about the size of a class's seams, not about which package
 * may see which, so it lives apart from {@link PackageRulesTest}.
 */
class CollaboratorCountRulesTest {

  private static final int MOST = 7;

  @Test
  void noComponentTakesMoreThanSevenCollaborators() {
    atMostSevenCollaborators().check(MainClasses.get());
  }

  /**
   * The rule bites: a component with eight collaborators breaks it, a record with eight does not.
   */
  @Test
  void theRuleRefusesEightCollaboratorsButNotAnEightFieldRecord() {
    JavaClasses fixtures =
        new ClassFileImporter().importClasses(EightCollaborators.class, EightFields.class);
    EvaluationResult result = atMostSevenCollaborators().evaluate(fixtures);
    assertThat(result.getFailureReport().getDetails())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("EightCollaborators").contains("takes 8"));
  }

  /** Records are values (settings, rows, wire types) and enums are constants: both are exempt. */
  static ArchRule atMostSevenCollaborators() {
    return constructors()
        .that()
        .areDeclaredInClassesThat(
            DescribedPredicate.describe(
                "are components (neither records nor enums)", c -> !c.isEnum() && !c.isRecord()))
        .should(
            new ArchCondition<JavaConstructor>("take at most " + MOST + " parameters") {
              @Override
              public void check(JavaConstructor constructor, ConditionEvents events) {
                int count = constructor.getRawParameterTypes().size();
                if (count > MOST) {
                  events.add(
                      SimpleConditionEvent.violated(
                          constructor, constructor.getFullName() + " takes " + count));
                }
              }
            });
  }

  @SuppressWarnings("unused")
  private static final class EightCollaborators {
    EightCollaborators(int a, int b, int c, int d, int e, int f, int g, int h) {}
  }

  private record EightFields(int a, int b, int c, int d, int e, int f, int g, int h) {}
}
