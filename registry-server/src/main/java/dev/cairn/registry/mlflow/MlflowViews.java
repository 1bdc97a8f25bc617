package dev.cairn.registry.mlflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cairn's models and versions in the JSON shapes of MLflow's {@code model_registry.proto} ({@code
 * RegisteredModel}, {@code ModelVersion}): labels and metadata become tags, the registry's own
 * facts are {@code cairn.*} tags, every version is in stage {@code "None"} (Cairn has aliases, not
 * stages), and a version's {@code source} is the {@code mlflow-artifacts:} URI its pinned bytes
 * download from. Keys are written explicitly: MLflow's names, whatever the mapper's naming is.
 */
public final class MlflowViews {

  /** The stage of every version: MLflow's name for "no stage". */
  public static final String NO_STAGE = "None";

  private final ObjectMapper json;
  private final Optional<String> defaultProject;

  public MlflowViews(ObjectMapper json, Optional<String> defaultProject) {
    this.json = json;
    this.defaultProject = defaultProject;
  }

  public ObjectMapper json() {
    return json;
  }

  /** A {@code RegisteredModel}; {@code aliases} maps alias → Cairn version. */
  public ObjectNode registeredModel(
      Model model, Map<String, String> aliases, List<Version> latestVersions) {
    ObjectNode node = json.createObjectNode();
    node.put("name", MlflowName.of(model.project(), model.name(), defaultProject));
    node.put("creation_timestamp", millis(model.createdAt()));
    node.put("last_updated_timestamp", millis(model.updatedAt()));
    node.put("user_id", model.createdBy());
    node.put("description", model.description() == null ? "" : model.description());
    ArrayNode latest = node.putArray("latest_versions");
    latestVersions.forEach(v -> latest.add(modelVersion(model.project(), v)));
    ArrayNode tags = node.putArray("tags");
    tag(tags, "cairn.project", model.project());
    tag(tags, "cairn.model", model.name());
    tag(tags, "cairn.state", model.state());
    if (model.task() != null) {
      tag(tags, "cairn.task", model.task());
    }
    labels(tags, model.labels());
    ArrayNode aliasNodes = node.putArray("aliases");
    aliases.forEach(
        (alias, version) ->
            aliasNodes
                .addObject()
                .put("alias", alias)
                .put("version", MlflowName.mlflowVersion(version)));
    return node;
  }

  /** A {@code ModelVersion} of a model of {@code project}. */
  public ObjectNode modelVersion(String project, Version v) {
    ObjectNode node = json.createObjectNode();
    node.put("name", MlflowName.of(project, v.model(), defaultProject));
    node.put("version", MlflowName.mlflowVersion(v.version()));
    node.put("creation_timestamp", millis(v.createdAt()));
    node.put("last_updated_timestamp", millis(v.readyAt() != null ? v.readyAt() : v.createdAt()));
    node.put("user_id", v.createdBy());
    node.put("current_stage", NO_STAGE);
    node.put("description", v.description() == null ? "" : v.description());
    node.put("source", MlflowArtifactPath.downloadUri(project, v.model(), v.version()));
    // A version made through MLflow's create keeps the run it came from as provenance.
    node.put("run_id", provenance(v, "mlflow_run_id"));
    if (!provenance(v, "mlflow_run_link").isEmpty()) {
      node.put("run_link", provenance(v, "mlflow_run_link"));
    }
    node.put("status", status(v.state()));
    if (v.failure() != null) {
      node.put("status_message", v.failure().code() + ": " + v.failure().detail());
    }
    ArrayNode tags = node.putArray("tags");
    tag(tags, "cairn.version", v.version());
    tag(tags, "cairn.variant", v.variant());
    tag(tags, "cairn.state", v.state());
    tag(tags, "cairn.format", v.format());
    if (v.digest() != null) {
      tag(tags, "cairn.digest", v.digest());
    }
    labels(tags, v.labels());
    if (v.metadata() != null) {
      v.metadata()
          .forEach(
              (key, value) ->
                  tag(
                      tags,
                      "cairn.metadata." + key,
                      value instanceof String s ? s : json.valueToTree(value).toString()));
    }
    ArrayNode aliases = node.putArray("aliases");
    (v.aliases() == null ? List.<String>of() : v.aliases()).forEach(aliases::add);
    return node;
  }

  /** MLflow's {@code ModelVersionStatus}; its words, not Cairn's states. */
  enum MlflowStatus {
    PENDING_REGISTRATION,
    FAILED_REGISTRATION,
    READY
  }

  /**
   * A version being uploaded is PENDING_REGISTRATION, a failed one FAILED_REGISTRATION, a READY or
   * ARCHIVED one (its bytes are there) READY.
   */
  static String status(String state) {
    if (Version.State.PENDING.is(state)) {
      return MlflowStatus.PENDING_REGISTRATION.name();
    }
    if (Version.State.FAILED.is(state)) {
      return MlflowStatus.FAILED_REGISTRATION.name();
    }
    return MlflowStatus.READY.name();
  }

  private static String provenance(Version v, String key) {
    return v.provenance() != null && v.provenance().get(key) instanceof String s ? s : "";
  }

  private static void labels(ArrayNode tags, Map<String, String> labels) {
    if (labels != null) {
      labels.forEach((key, value) -> tag(tags, key, value));
    }
  }

  private static void tag(ArrayNode tags, String key, String value) {
    tags.addObject().put("key", key).put("value", value == null ? "" : value);
  }

  private static long millis(Instant at) {
    return at == null ? 0 : at.toEpochMilli();
  }
}
