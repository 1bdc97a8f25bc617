package dev.cairn.registry.alias;

import dev.cairn.client.model.Instance;
import dev.cairn.client.model.ModelStatus;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.instance.InstanceRepository;
import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Map;

/** Counts live instances serving an alias, and those whose loaded versions match its pointers. */
public final class ServingCounter {

  private final InstanceRepository instances;

  public ServingCounter(InstanceRepository instances) {
    this.instances = instances;
  }

  public ModelStatus.Serving count(
      DbExecute exec, String project, String model, String alias, Map<String, String> pointers) {
    List<Instance> live = instances.live(exec, project, model, alias, Rows.now());
    int onTarget =
        (int) live.stream().filter(i -> !pointers.isEmpty() && onTarget(i, pointers)).count();
    return new ModelStatus.Serving(live.size(), onTarget);
  }

  private static boolean onTarget(Instance instance, Map<String, String> pointers) {
    return pointers.entrySet().stream()
        .allMatch(
            p -> {
              var loaded = instance.loaded().get(p.getKey());
              return loaded != null && p.getValue().equals(loaded.version());
            });
  }
}
