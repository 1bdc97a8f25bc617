package dev.cairn.sidecar.serving;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.sidecar.config.ModelRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the registry what the alias names now. The pointers and generation come from one read of the
 * alias (or from one {@code alias.updated} event, which carries both), so a set never mixes two
 * generations; each pointed version then gives its pinned files. Versions are immutable once READY,
 * so they are fetched once and kept; the model (its variants) is read again on every full resolve.
 */
public final class TargetResolver {

  private final CairnClient client;
  private final ModelRef ref;
  private final String project;
  private final String model;
  private final Map<String, TargetSet.TargetVariant> versions = new ConcurrentHashMap<>();
  private volatile Model lastModel;

  public TargetResolver(CairnClient client, ModelRef ref) {
    this.client = client;
    this.ref = ref;
    this.project = ref.project();
    this.model = ref.model();
  }

  /** The model and alias this resolver asks about. */
  public ModelRef ref() {
    return ref;
  }

  /** The current target; throws when the registry cannot be reached or refuses. */
  public TargetSet resolve() {
    Model m = client.models().get(project, model);
    lastModel = m;
    Alias current;
    try {
      current = client.aliases().get(project, model, ref.alias());
    } catch (CairnApiException e) {
      if (e.status() == 404) {
        return TargetSet.none(m.variants(), m.defaultVariant());
      }
      throw e;
    }
    return target(m, current.generation(), current.pointers());
  }

  /** The target an {@code alias.updated} event names: its generation and pointers. */
  public TargetSet resolve(long generation, Map<String, String> pointers) {
    Model m = lastModel != null ? lastModel : client.models().get(project, model);
    lastModel = m;
    return target(m, generation, pointers);
  }

  private TargetSet target(Model m, long generation, Map<String, String> pointers) {
    Map<String, TargetSet.TargetVariant> variants = new LinkedHashMap<>();
    for (String variant : m.variants()) {
      String name = pointers.get(variant);
      if (name != null) {
        TargetSet.TargetVariant known = versions.get(name);
        if (known == null || !known.variant().equals(variant)) {
          known = target(variant, client.versions().get(project, model, name));
          versions.put(name, known);
        }
        variants.put(variant, known);
      }
    }
    return new TargetSet(generation, m.variants(), m.defaultVariant(), variants);
  }

  private static TargetSet.TargetVariant target(String variant, Version v) {
    return new TargetSet.TargetVariant(
        variant,
        v.version(),
        v.format(),
        v.runtime() == null ? null : v.runtime().name(),
        v.runtime() == null ? null : v.runtime().minVersion(),
        v.runtime() == null ? null : v.runtime().opset(),
        v.digest(),
        v.files().stream()
            .map(
                (VersionFile f) ->
                    new TargetSet.TargetFile(
                        f.path(), f.sha256(), f.sizeBytes() == null ? -1 : f.sizeBytes()))
            .toList());
  }
}
