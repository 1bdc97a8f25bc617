package dev.cairn.operator.modelactivation;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Version;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.modelversion.ModelVersionPhase;
import io.javaoperatorsdk.operator.api.reconciler.ResourceCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether every version a ModelActivation names can be activated: READY in the registry, of the
 * named variant, and — when a ModelVersion in the namespace publishes it — {@code Verified} there.
 */
final class VersionReadiness {

  private final CairnClient registry;

  VersionReadiness(CairnClient registry) {
    this.registry = registry;
  }

  /** What is not ready yet, one line each; empty when everything is. */
  List<String> missing(
      ModelActivation ma,
      String project,
      ActivationTarget target,
      ResourceCache<ModelVersion> mvs) {
    String model = ma.getSpec().model();
    String namespace = ma.getMetadata().getNamespace();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> e : target.byVariant().entrySet()) {
      String variant = e.getKey();
      String name = e.getValue();
      String label = (variant.isEmpty() ? "" : variant + ": ") + model + ":" + name;
      mvs.list(
              namespace,
              mv ->
                  model.equals(mv.getSpec().model())
                      && name.equals(mv.getSpec().version())
                      && project.equals(mv.getSpec().projectOr(namespace)))
          .filter(mv -> !ModelVersionPhase.VERIFIED.of(mv.getStatus()))
          .forEach(
              mv ->
                  missing.add(
                      label
                          + " — ModelVersion "
                          + mv.getMetadata().getName()
                          + " is "
                          + ModelVersionPhase.shown(mv.getStatus())));
      try {
        Version v = registry.versions().get(project, model, name);
        if (!Version.State.READY.is(v.state())) {
          missing.add(label + " is " + v.state() + " in the registry");
        } else if (!variant.isEmpty() && !variant.equals(v.variant())) {
          missing.add(label + " is a version of variant " + v.variant());
        }
      } catch (CairnApiException ex) {
        if (ex.status() != 404) {
          throw ex;
        }
        missing.add(label + " does not exist in the registry");
      }
    }
    return missing;
  }
}
