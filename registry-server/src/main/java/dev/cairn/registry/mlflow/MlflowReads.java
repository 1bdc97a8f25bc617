package dev.cairn.registry.mlflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.Version;
import dev.cairn.registry.alias.AliasQueries;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.model.ModelFilter;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.paging.SortOrder;
import dev.cairn.registry.version.VersionFilter;
import dev.cairn.registry.version.VersionService;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * MLflow's model-registry reads, answered by the native services (the same lookups, visibility and
 * paging as {@code /api/v1}) and shaped by {@link MlflowViews}. A Cairn "not found" becomes
 * MLflow's RESOURCE_DOES_NOT_EXIST and a refused name or page token INVALID_PARAMETER_VALUE, with
 * the native message kept as the hint.
 */
public final class MlflowReads {

  /**
   * MLflow's bound on {@code registered-models/search} ({@code
   * SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD}).
   */
  public static final int MAX_MODELS = 1000;

  /** MLflow's bound on {@code model-versions/search}; pages are cut at {@link #PAGE_CAP}. */
  public static final int MAX_VERSIONS = 200_000;

  /** The largest page the native listing gives; a larger max_results pages on with a token. */
  public static final int PAGE_CAP = 1000;

  private final ModelService models;
  private final VersionService versions;
  private final AliasQueries aliases;
  private final LatestVersion latest;
  private final MlflowViews views;

  public MlflowReads(
      ModelService models,
      VersionService versions,
      AliasQueries aliases,
      LatestVersion latest,
      MlflowViews views) {
    this.models = models;
    this.versions = versions;
    this.aliases = aliases;
    this.latest = latest;
    this.views = views;
  }

  /** {@code {"registered_model": …}} with its aliases and latest version. */
  public ObjectNode registeredModel(MlflowName name) {
    return translated(
        () -> {
          ObjectNode answer = views.json().createObjectNode();
          answer.set("registered_model", fullModel(models.get(name.project(), name.model())));
          return answer;
        });
  }

  /** {@code {"registered_models": […], "next_page_token": …}}. */
  public ObjectNode searchRegisteredModels(MlflowFilter filter, int maxResults, String pageToken) {
    return translated(
        () -> {
          ModelFilter cairn =
              new ModelFilter(
                  Optional.empty(),
                  Map.of(),
                  filter.exactModel().isPresent()
                      ? Optional.empty()
                      : Optional.of(filter.modelPrefix()).filter(p -> !p.isEmpty()),
                  filter.exactModel());
          Page<Model> page =
              models.list(filter.project(), cairn, SortOrder.NAME_ASC, maxResults, pageToken);
          ObjectNode answer = views.json().createObjectNode();
          ArrayNode found = answer.putArray("registered_models");
          page.items().forEach(m -> found.add(views.registeredModel(m, Map.of(), List.of())));
          page.next().ifPresent(t -> answer.put("next_page_token", t));
          return answer;
        });
  }

  /** {@code {"model_version": …}}. */
  public ObjectNode modelVersion(MlflowName name, String mlflowVersion) {
    String version = MlflowName.cairnVersion(mlflowVersion);
    return translated(
        () -> {
          ObjectNode answer = views.json().createObjectNode();
          answer.set(
              "model_version",
              views.modelVersion(
                  name.project(), versions.get(name.project(), name.model(), version)));
          return answer;
        });
  }

  /** {@code {"model_versions": […], "next_page_token": …}}: one model's versions, oldest first. */
  public ObjectNode searchModelVersions(MlflowName name, int maxResults, String pageToken) {
    return translated(
        () -> {
          VersionFilter all =
              new VersionFilter(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Map.of(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty());
          Page<Version> page =
              versions.list(
                  name.project(), name.model(), all, Math.min(maxResults, PAGE_CAP), pageToken);
          ObjectNode answer = views.json().createObjectNode();
          ArrayNode found = answer.putArray("model_versions");
          page.items().forEach(v -> found.add(views.modelVersion(name.project(), v)));
          page.next().ifPresent(t -> answer.put("next_page_token", t));
          return answer;
        });
  }

  /**
   * {@code {"model_versions": […]}}: the latest READY version, which is in stage {@code "None"};
   * asking for other stages only gives an empty list, as MLflow does for an empty stage.
   */
  public ObjectNode latestVersions(MlflowName name, Collection<String> stages) {
    return translated(
        () -> {
          ObjectNode answer = views.json().createObjectNode();
          ArrayNode found = answer.putArray("model_versions");
          if (stages.isEmpty()
              || stages.stream().anyMatch(s -> s.equalsIgnoreCase(MlflowViews.NO_STAGE))) {
            newest(name).forEach(v -> found.add(views.modelVersion(name.project(), v)));
          }
          return answer;
        });
  }

  /** {@code {"model_version": …}} the alias points at in the model's default variant. */
  public ObjectNode versionByAlias(MlflowName name, String alias) {
    return translated(
        () -> {
          Model model = models.get(name.project(), name.model());
          Alias found = aliases.get(name.project(), name.model(), alias);
          String version = found.pointers().get(model.defaultVariant());
          if (version == null) {
            throw MlflowErrorCodes.missing(
                "alias '"
                    + alias
                    + "' points at no version of the default variant '"
                    + model.defaultVariant()
                    + "'; its variants: "
                    + new TreeMap<>(found.pointers()).keySet());
          }
          ObjectNode answer = views.json().createObjectNode();
          answer.set(
              "model_version",
              views.modelVersion(
                  name.project(), versions.get(name.project(), name.model(), version)));
          return answer;
        });
  }

  /** {@code {"artifact_uri": "mlflow-artifacts:/project/model/version"}} of an existing version. */
  public ObjectNode downloadUri(MlflowName name, String mlflowVersion) {
    String version = MlflowName.cairnVersion(mlflowVersion);
    return translated(
        () -> {
          Version v = versions.get(name.project(), name.model(), version);
          ObjectNode answer = views.json().createObjectNode();
          answer.put(
              "artifact_uri",
              MlflowArtifactPath.downloadUri(name.project(), name.model(), v.version()));
          return answer;
        });
  }

  private ObjectNode fullModel(Model model) {
    Map<String, String> byAlias = new LinkedHashMap<>();
    for (Alias alias : aliases.list(model.project(), model.name())) {
      String version = alias.pointers().get(model.defaultVariant());
      if (version != null) {
        byAlias.put(alias.alias(), version);
      }
    }
    return views.registeredModel(
        model, byAlias, newest(new MlflowName(model.project(), model.name())));
  }

  private List<Version> newest(MlflowName name) {
    return latest
        .of(name.project(), name.model())
        .map(v -> List.of(versions.get(name.project(), name.model(), v)))
        .orElse(List.of());
  }

  /**
   * Runs a read, turning the native answers MLflow has its own words for: a missing project, model,
   * version or alias is RESOURCE_DOES_NOT_EXIST, a refused name or token INVALID_PARAMETER_VALUE;
   * the native detail stays as the message.
   */
  private static ObjectNode translated(Supplier<ObjectNode> read) {
    try {
      return read.get();
    } catch (ApiException e) {
      if (e.status() == 404 && !e.code().equals(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST)) {
        throw MlflowErrorCodes.missing(e.detail());
      }
      if (e.status() == 400 && !e.code().equals(MlflowErrorCodes.INVALID_PARAMETER_VALUE)) {
        throw MlflowErrorCodes.invalid(e.detail());
      }
      throw e;
    }
  }
}
