package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelStatus;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.ModelState;
import dev.cairn.registry.model.StoredModel;
import java.util.List;
import java.util.Map;

/**
 * {@code GET …/models/{m}/status}: whether an alias activates every variant of the model (seed
 * 000's INCOMPLETE / INACTIVE / ACTIVE), and how many serving instances report it.
 */
public final class ModelStatusService {

  private final Db db;
  private final ModelLookup lookup;
  private final AliasRepository aliases;
  private final ServingCounter serving;

  public ModelStatusService(
      Db db, ModelLookup lookup, AliasRepository aliases, ServingCounter serving) {
    this.db = db;
    this.lookup = lookup;
    this.aliases = aliases;
    this.serving = serving;
  }

  public ModelStatus status(String project, String model, String alias) {
    return db.read(
        exec -> {
          StoredModel m = lookup.model(exec, project, model);
          Model view = m.view();
          Map<String, String> active =
              aliases
                  .find(exec, m.id(), alias)
                  .map(a -> a.view())
                  .map(Alias::pointers)
                  .orElse(Map.of());
          Map<String, String> ready = aliases.latest(exec, m.id());
          List<String> missing =
              ModelReadiness.missing(view.variants(), active.keySet(), ready.keySet());
          List<String> inactive =
              ModelReadiness.inactive(view.variants(), active.keySet(), ready.keySet());
          String status =
              ModelReadiness.of(
                      ModelState.of(view.state()) == ModelState.ARCHIVED,
                      view.variants(),
                      active.keySet(),
                      ready.keySet())
                  .name();
          return new ModelStatus(
              status,
              alias,
              active,
              missing,
              inactive,
              serving.count(exec, project, model, alias, active));
        });
  }
}
