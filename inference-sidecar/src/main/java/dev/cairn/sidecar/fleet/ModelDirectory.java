package dev.cairn.sidecar.fleet;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.Page;
import dev.cairn.sidecar.config.FleetSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which of the project's models the fleet serves, asked of the registry: the named ones, or every
 * live model whose labels match the selector, each with its labels (what {@code sku}/{@code ink}
 * routing matches against). A model that is archived, deleted or relabelled out of the selector is
 * no longer selected.
 */
final class ModelDirectory {

  private static final String LIVE = Model.State.LIVE.wire();

  private final CairnClient client;
  private final String project;
  private final FleetSettings fleet;

  ModelDirectory(CairnClient client, String project, FleetSettings fleet) {
    this.client = client;
    this.project = project;
    this.fleet = fleet;
  }

  /**
   * Every selected model and its labels. A named model the registry cannot tell about (down, not
   * created yet) is still selected, with no labels, so an offline start serves its cached set.
   */
  Map<String, Map<String, String>> selected() {
    Map<String, Map<String, String>> selected = new LinkedHashMap<>();
    if (!fleet.bySelector()) {
      for (String name : fleet.models()) {
        selected.put(name, labelsOf(name).orElse(Map.of()));
      }
      return selected;
    }
    List<String> filters =
        fleet.selector().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
    String token = null;
    do {
      Page<Model> page =
          client.models().list(project, new ModelQuery(LIVE, filters, null, "name", 1000, token));
      page.items().forEach(m -> selected.put(m.name(), m.labels()));
      token = page.nextPageToken();
    } while (token != null);
    return selected;
  }

  /**
   * What a model event means for {@code model}: its labels when it is (still) selected, empty when
   * it is not (archived, deleted, relabelled away, or not one of the named models).
   */
  Optional<Map<String, String>> recheck(String model) {
    if (!fleet.bySelector() && !fleet.models().contains(model)) {
      return Optional.empty();
    }
    Optional<Model> found = find(model);
    if (found.isEmpty() || !LIVE.equals(found.get().state())) {
      return Optional.empty();
    }
    Map<String, String> labels = found.get().labels();
    return fleet.bySelector() && !fleet.matches(labels) ? Optional.empty() : Optional.of(labels);
  }

  private Optional<Map<String, String>> labelsOf(String model) {
    try {
      return find(model).map(Model::labels);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private Optional<Model> find(String model) {
    try {
      return Optional.of(client.models().get(project, model));
    } catch (CairnApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
